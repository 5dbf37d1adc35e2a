using System.Net;

namespace RconTyped.Logs;

/// <summary>
/// A server sending its log to a listener, from <see cref="RconClientLogExtensions.StartLogStreamAsync"/>. Disposing it
/// removes the address from the server again (<c>logaddress_del</c>).
/// </summary>
public sealed class RconLogStream : IAsyncDisposable
{
    private readonly RconClient _client;
    private readonly string _removeCommand;
    private int _disposed;

    internal RconLogStream(RconClient client, string address, string removeCommand)
    {
        _client = client;
        Address = address;
        _removeCommand = removeCommand;
    }

    /// <summary>The address the server was given: <c>IP:PORT</c> for UDP, the URL for HTTP.</summary>
    public string Address { get; }

    /// <summary>
    /// Sends <c>logaddress_del</c> (or <c>logaddress_delall_http</c>) so the server stops sending. When the client is no longer
    /// connected nothing can be sent; the server forgets its log addresses when it restarts.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || !_client.IsAuthenticated)
        {
            return;
        }

        try
        {
            await _client.ExecuteAsync(_removeCommand).ConfigureAwait(false);
        }
        catch (RconException)
        {
            // The connection went away while removing: the server keeps the address until it restarts; nothing to undo here.
        }
    }

    /// <summary>The address a server reaches a listener at: its own bind address, else the one the server sees the client from.</summary>
    internal static IPEndPoint Reachable(RconClient client, IPEndPoint listening, IPEndPoint? reachableAt)
    {
        if (reachableAt is not null)
        {
            return reachableAt;
        }

        if (!listening.Address.Equals(IPAddress.Any) && !listening.Address.Equals(IPAddress.IPv6Any))
        {
            return listening;
        }

        if (client.LocalEndPoint is IPEndPoint local)
        {
            return new IPEndPoint(local.Address.IsIPv4MappedToIPv6 ? local.Address.MapToIPv4() : local.Address, listening.Port);
        }

        throw new InvalidOperationException(
            "The listener is bound to every address and the client's own address is unknown (a custom connection): pass reachableAt, the IP:port the server can send to.");
    }
}
