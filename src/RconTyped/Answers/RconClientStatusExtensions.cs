namespace RconTyped;

/// <summary>Typed answers on a plain <see cref="RconClient"/>: the same calls every <see cref="RconServer"/> has.</summary>
public static class RconClientStatusExtensions
{
    /// <summary>
    /// Sends the dialect's player-list command (<see cref="RconDialect.StatusCommand"/>: <c>status</c>, <c>list</c>,
    /// <c>ShowPlayers</c>, <c>ListPlayers</c> …) and parses the answer with <see cref="ServerStatus.Parse"/>.
    /// </summary>
    /// <exception cref="RconException">The command failed (not connected, timed out, connection lost).</exception>
    public static async Task<ServerStatus> GetStatusAsync(this RconClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        RconResponse answer = await client.ExecuteRawAsync(client.Dialect.StatusCommand, cancellationToken).ConfigureAwait(false);
        ServerStatus status = ServerStatusParser.Parse(answer.Text);
        status.IsTruncated = answer.IsTruncated;
        return status;
    }

    /// <summary>The players of <see cref="GetStatusAsync"/>: bots included, in the order the server prints them.</summary>
    /// <exception cref="RconException">The command failed.</exception>
    public static async Task<IReadOnlyList<PlayerInfo>> GetPlayersAsync(this RconClient client, CancellationToken cancellationToken = default) =>
        (await client.GetStatusAsync(cancellationToken).ConfigureAwait(false)).Players;
}
