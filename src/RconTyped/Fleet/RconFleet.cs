namespace RconTyped;

/// <summary>
/// Runs one command on many servers, a bounded number at a time, and returns a result or an error per server, in
/// the order given: one failing server never hides the others. Each server gets a temporary connection.
/// </summary>
public sealed class RconFleet
{
    private readonly IReadOnlyList<RconFleetServer> _servers;
    private readonly int _maxConcurrency;

    /// <summary>Creates a fleet.</summary>
    /// <param name="servers">The servers, in the order results are returned.</param>
    /// <param name="maxConcurrency">How many servers are contacted at once; default 16.</param>
    public RconFleet(IEnumerable<RconFleetServer> servers, int maxConcurrency = 16)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _servers = [.. servers];
        _maxConcurrency = maxConcurrency;
    }

    /// <summary>The servers, in order.</summary>
    public IReadOnlyList<RconFleetServer> Servers => _servers;

    /// <summary>Runs <paramref name="command"/> on every server. Never throws for a server's failure: it is in that server's result.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<IReadOnlyList<RconFleetResult>> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var results = new RconFleetResult[_servers.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _servers.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                RconFleetServer server = _servers[index];
                try
                {
                    string answer = await Rcon.ExecuteAsync(server.Address, server.Password, command, server.Options, token).ConfigureAwait(false);
                    results[index] = new RconFleetResult(server.Address, answer, null);
                }
                catch (Exception e) when (e is RconException or FormatException or ArgumentException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    results[index] = new RconFleetResult(server.Address, null, e);
                }
            }).ConfigureAwait(false);
        return results;
    }
}
