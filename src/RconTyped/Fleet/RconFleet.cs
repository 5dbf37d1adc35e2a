using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RconTyped.Query;

namespace RconTyped;

/// <summary>
/// Many servers, one persistent client each: connected on first use, reconnected (by default) when a connection drops,
/// disposed with the fleet. Commands run on every server, a bounded number at a time, and each server's result or error
/// comes back on its own: one failing server never hides the others. Servers can be added and removed while it runs.
/// </summary>
public sealed class RconFleet : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<FleetMember> _members = [];
    private readonly SemaphoreSlim _concurrency;
    private A2SClient? _queries;
    private bool _disposed;

    /// <summary>Creates a fleet. Nothing connects until the first command.</summary>
    /// <param name="servers">The servers, in the order <see cref="ExecuteAsync"/> returns results.</param>
    /// <param name="maxConcurrency">How many servers are worked on at once (connecting or running a command); default 16.</param>
    /// <exception cref="ArgumentException">Two servers have the same address.</exception>
    public RconFleet(IEnumerable<RconFleetServer> servers, int maxConcurrency = 16)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _concurrency = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        foreach (RconFleetServer server in servers)
        {
            if (!Add(server))
            {
                throw new ArgumentException($"{server.Address} is in the fleet twice.", nameof(servers));
            }
        }
    }

    /// <summary>
    /// How long one server may take for one operation (connecting included) before its result is a
    /// <see cref="TimeoutException"/>; null (the default) leaves it to the client's own timeouts.
    /// </summary>
    public TimeSpan? ServerTimeout { get; init; }

    /// <summary>The clock behind <see cref="ServerTimeout"/>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The servers, in order.</summary>
    public IReadOnlyList<RconFleetServer> Servers
    {
        get
        {
            lock (_gate)
            {
                return [.. _members.Select(m => m.Server)];
            }
        }
    }

    /// <summary>Adds a server; false when one with that address is already in the fleet.</summary>
    public bool Add(RconFleetServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_members.Any(m => string.Equals(m.Server.Address, server.Address, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            _members.Add(new FleetMember(server));
            return true;
        }
    }

    /// <summary>Removes a server and closes its client; false when no server has that address. A command already running on it finishes.</summary>
    public async ValueTask<bool> RemoveAsync(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        FleetMember? member;
        lock (_gate)
        {
            member = _members.FirstOrDefault(m => string.Equals(m.Server.Address, address, StringComparison.OrdinalIgnoreCase));
            if (member is null)
            {
                return false;
            }

            _members.Remove(member);
        }

        await member.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs <paramref name="command"/> on every server and returns the results in the fleet's order. Never throws for a server's failure.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<IReadOnlyList<RconFleetResult>> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        FleetMember[] members = Snapshot();
        RconFleetResult[] results = await Task.WhenAll(members.Select(m => RunAsync(m, (client, token) => ExecuteOnAsync(client, command, token), cancellationToken))).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    /// <summary>Runs <paramref name="command"/> on every server and yields each result as soon as it is in, fastest first.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IAsyncEnumerable<RconFleetResult> ExecuteStreamAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return StreamAsync((client, token) => ExecuteOnAsync(client, command, token), cancellationToken);
    }

    /// <summary>Reads every server's players (<see cref="RconClientStatusExtensions.GetStatusAsync"/>) and yields each as soon as it is in; <see cref="RconFleetResult.Status"/> holds it.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IAsyncEnumerable<RconFleetResult> GetStatusAsync(CancellationToken cancellationToken = default) =>
        StreamAsync(async (client, token) =>
        {
            ServerStatus status = await client.GetStatusAsync(token).ConfigureAwait(false);
            return new RconFleetResult(string.Empty, null, null) { Status = status, IsTruncated = status.IsTruncated };
        }, cancellationToken);

    /// <summary>
    /// Asks every server for A2S_INFO over UDP (docs/query.md: no password, no RCON connection), all through one socket
    /// the fleet keeps, and yields each result as soon as it is in, with <see cref="RconFleetResult.Info"/> set or the
    /// error (<see cref="A2STimeoutException"/>, <see cref="A2SException"/>, or the address's own). A server's query port is
    /// its RCON address's port (srcds answers both on one port).
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async IAsyncEnumerable<RconFleetResult> QueryInfoAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FleetMember[] members = Snapshot();
        A2SClient queries;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            queries = _queries ??= new A2SClient();
        }

        var byEndPoint = new Dictionary<IPEndPoint, List<string>>();
        foreach (FleetMember member in members)
        {
            string address = member.Server.Address;
            (IPEndPoint? endPoint, Exception? unresolved) = await ResolveAsync(address, cancellationToken).ConfigureAwait(false);
            if (endPoint is null)
            {
                yield return new RconFleetResult(address, null, unresolved);
                continue;
            }

            if (!byEndPoint.TryGetValue(endPoint, out List<string>? addresses))
            {
                byEndPoint[endPoint] = addresses = [];
            }

            addresses.Add(address);
        }

        await foreach (A2SResult<ServerInfo> result in queries.QueryInfoManyAsync(byEndPoint.Keys, cancellationToken).ConfigureAwait(false))
        {
            foreach (string address in byEndPoint[result.EndPoint])
            {
                yield return new RconFleetResult(address, null, result.Error) { Info = result.Value };
            }
        }
    }

    /// <summary>Closes every client.</summary>
    public async ValueTask DisposeAsync()
    {
        FleetMember[] members;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            members = [.. _members];
            _members.Clear();
        }

        if (_queries is not null)
        {
            await _queries.DisposeAsync().ConfigureAwait(false);
        }

        foreach (FleetMember member in members)
        {
            await member.DisposeAsync().ConfigureAwait(false);
        }

        _concurrency.Dispose();
    }

    private static async Task<RconFleetResult> ExecuteOnAsync(RconClient client, string command, CancellationToken token)
    {
        RconResponse response = await client.ExecuteRawAsync(command, token).ConfigureAwait(false);
        return new RconFleetResult(string.Empty, response.Text, null) { IsTruncated = response.IsTruncated };
    }

    private async IAsyncEnumerable<RconFleetResult> StreamAsync(Func<RconClient, CancellationToken, Task<RconFleetResult>> operation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FleetMember[] members = Snapshot();
        var done = Channel.CreateBounded<RconFleetResult>(Math.Max(members.Length, 1));
        Task all = Task.WhenAll(members.Select(async m => await done.Writer.WriteAsync(await RunAsync(m, operation, cancellationToken).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false)))
            .ContinueWith(_ => done.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await foreach (RconFleetResult result in done.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }

        await all.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>One operation on one server, within the concurrency bound and the server timeout; its failure becomes its result.</summary>
    private async Task<RconFleetResult> RunAsync(FleetMember member, Func<RconClient, CancellationToken, Task<RconFleetResult>> operation, CancellationToken cancellationToken)
    {
        string address = member.Server.Address;
        try
        {
            await _concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new RconFleetResult(address, null, new OperationCanceledException(cancellationToken));
        }

        using CancellationTokenSource timeout = ServerTimeout is { } limit ? new CancellationTokenSource(limit, TimeProvider) : new CancellationTokenSource();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            RconClient client = await member.ClientAsync(either.Token).ConfigureAwait(false);
            return await operation(client, either.Token).ConfigureAwait(false) with { Server = address };
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new RconFleetResult(address, null, new TimeoutException($"{address} took longer than {ServerTimeout?.TotalSeconds:0.###} s.", e));
        }
        catch (Exception e) when (e is RconException or FormatException or ArgumentException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            return new RconFleetResult(address, null, e);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    /// <summary>An address as an IP endpoint for A2S, or why it is none (never throws for the address).</summary>
    private static async Task<(IPEndPoint? EndPoint, Exception? Error)> ResolveAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            return (await A2SAddress.ResolveAsync(address, port: null, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is FormatException or System.Net.Sockets.SocketException)
        {
            return (null, e);
        }
    }

    private FleetMember[] Snapshot()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return [.. _members];
        }
    }
}
