using System.Net;

namespace RconTyped.Query;

/// <summary>RCON and the server queries together.</summary>
public static class RconClientQueryExtensions
{
    /// <summary>
    /// Runs <see cref="RconClientStatusExtensions.GetStatusAsync"/> and A2S_INFO at the same time, the query sent to the
    /// client's address (or <paramref name="queryPort"/>). A failed query does not fail the whole: its reason is in
    /// <see cref="ServerOverview.InfoError"/>; a failed <c>status</c> throws, as <c>GetStatusAsync</c> does.
    /// </summary>
    /// <param name="client">An authenticated client.</param>
    /// <param name="queries">The A2S client to ask through (one is enough for any number of servers).</param>
    /// <param name="queryPort">The query port when it is not the RCON port (Rust, ARK and others).</param>
    /// <param name="cancellationToken">Cancels both.</param>
    public static async Task<ServerOverview> GetOverviewAsync(this RconClient client, A2SClient queries, int? queryPort = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(queries);
        Task<ServerInfo> info = QueryAsync(client.EndPoint, queries, queryPort, cancellationToken);
        ServerStatus status = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new ServerOverview { Status = status, Info = await info.ConfigureAwait(false) };
        }
        catch (A2SException e)
        {
            return new ServerOverview { Status = status, InfoError = e };
        }
    }

    private static async Task<ServerInfo> QueryAsync(EndPoint endPoint, A2SClient queries, int? queryPort, CancellationToken cancellationToken)
    {
        IPEndPoint target;
        try
        {
            target = await A2SAddress.ResolveAsync(endPoint, queryPort, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FormatException or System.Net.Sockets.SocketException)
        {
            throw new A2SException($"A2S_INFO to {endPoint}: {e.Message}", endPoint, A2SQueryKind.Info, e);
        }

        return await queries.QueryInfoAsync(target, cancellationToken).ConfigureAwait(false);
    }
}
