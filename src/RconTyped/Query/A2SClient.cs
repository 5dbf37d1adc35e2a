using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RconTyped.Query;

/// <summary>
/// Asks game servers the Steam server queries (A2S_INFO, A2S_PLAYER, A2S_RULES) over UDP, on the game's port; no
/// password. One client holds one UDP socket per address family for any number of concurrent queries, to one server or
/// ten thousand: answers are routed by the server's address and the answer's kind, so a datagram from elsewhere (stray,
/// late or spoofed from another address) never reaches a query. Challenges (Valve's 2020 change), split answers in any
/// order, bzip2-compressed ones and GoldSource servers are handled; every bad datagram is counted in
/// <see cref="Statistics"/> and none ends the receive loop.
/// </summary>
/// <example>
/// <code>
/// await using var a2s = new A2SClient();
/// ServerInfo info = await a2s.QueryInfoAsync(new IPEndPoint(IPAddress.Loopback, 27015));
/// await foreach (A2SResult&lt;ServerInfo&gt; result in a2s.QueryInfoManyAsync(fleet)) { … }
/// </code>
/// </example>
public sealed class A2SClient : IAsyncDisposable, IDisposable
{
    private readonly A2SClientOptions _options;
    private readonly A2SRouter _router;
    private readonly object _sockets = new();
    private readonly CancellationTokenSource _stopping = new();
    private A2SSocket? _ipv4;
    private A2SSocket? _ipv6;
    private bool _disposed;

    /// <summary>Creates a client; its sockets open at the first query.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public A2SClient(A2SClientOptions? options = null)
    {
        _options = options ?? new A2SClientOptions();
        _options.Validate();
        var limits = new A2SLimits(_options.MaxAnswerBytes, Math.Min(255, (_options.MaxAnswerBytes / 400) + 1));
        _router = new A2SRouter(limits, _options.MaxSplitAnswersPerServer, _options.MaxChallenges, Statistics, Resend);
    }

    /// <summary>What the sockets saw, answers and drops.</summary>
    public A2SStatistics Statistics { get; } = new();

    /// <summary>Asks a server for its <see cref="ServerInfo"/>.</summary>
    /// <exception cref="A2STimeoutException">No usable answer on any attempt.</exception>
    /// <exception cref="A2SException">The answer could not be read, or the query could not be sent.</exception>
    public async Task<ServerInfo> QueryInfoAsync(IPEndPoint endPoint, CancellationToken cancellationToken = default)
    {
        (byte type, byte[] payload) = await QueryAsync(endPoint, A2SQueryKind.Info, cancellationToken).ConfigureAwait(false);
        return A2SAnswerParser.ParseInfo(type, payload, out string? error) ?? throw Unreadable(endPoint, A2SQueryKind.Info, error!);
    }

    /// <summary>Asks a server for its players.</summary>
    /// <exception cref="A2STimeoutException">No usable answer on any attempt.</exception>
    /// <exception cref="A2SException">The answer could not be read, or the query could not be sent.</exception>
    public async Task<IReadOnlyList<QueryPlayer>> QueryPlayersAsync(IPEndPoint endPoint, CancellationToken cancellationToken = default)
    {
        (_, byte[] payload) = await QueryAsync(endPoint, A2SQueryKind.Players, cancellationToken).ConfigureAwait(false);
        return A2SAnswerParser.ParsePlayers(payload, out string? error) ?? throw Unreadable(endPoint, A2SQueryKind.Players, error!);
    }

    /// <summary>Asks a server for its rules (public cvars).</summary>
    /// <exception cref="A2STimeoutException">No usable answer on any attempt.</exception>
    /// <exception cref="A2SException">The answer could not be read, or the query could not be sent.</exception>
    public async Task<ServerRules> QueryRulesAsync(IPEndPoint endPoint, CancellationToken cancellationToken = default)
    {
        (_, byte[] payload) = await QueryAsync(endPoint, A2SQueryKind.Rules, cancellationToken).ConfigureAwait(false);
        return A2SAnswerParser.ParseRules(payload, out string? error) ?? throw Unreadable(endPoint, A2SQueryKind.Rules, error!);
    }

    /// <summary>Asks many servers for their <see cref="ServerInfo"/>, at most <see cref="A2SClientOptions.MaxConcurrentQueries"/> at once, and yields each outcome as it arrives.</summary>
    public IAsyncEnumerable<A2SResult<ServerInfo>> QueryInfoManyAsync(IEnumerable<IPEndPoint> endPoints, CancellationToken cancellationToken = default) =>
        QueryManyAsync(endPoints, QueryInfoAsync, cancellationToken);

    /// <summary>Asks many servers for their players, as <see cref="QueryInfoManyAsync"/> does.</summary>
    public IAsyncEnumerable<A2SResult<IReadOnlyList<QueryPlayer>>> QueryPlayersManyAsync(IEnumerable<IPEndPoint> endPoints, CancellationToken cancellationToken = default) =>
        QueryManyAsync(endPoints, QueryPlayersAsync, cancellationToken);

    /// <summary>Asks many servers for their rules, as <see cref="QueryInfoManyAsync"/> does.</summary>
    public IAsyncEnumerable<A2SResult<ServerRules>> QueryRulesManyAsync(IEnumerable<IPEndPoint> endPoints, CancellationToken cancellationToken = default) =>
        QueryManyAsync(endPoints, QueryRulesAsync, cancellationToken);

    /// <summary>Closes the sockets; queries still waiting fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        A2SSocket?[] sockets;
        lock (_sockets)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            sockets = [_ipv4, _ipv6];
        }

        List<A2SPendingQuery> waiting = _router.Waiting(family: null, close: true);
        _stopping.Cancel();
        foreach (A2SSocket? socket in sockets)
        {
            socket?.Socket.Dispose();
        }

        foreach (A2SPendingQuery query in waiting)
        {
            query.Answer.TrySetException(Disposed());
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        foreach (A2SSocket? socket in new[] { _ipv4, _ipv6 })
        {
            if (socket is not null)
            {
                await socket.ReceiveLoop.ConfigureAwait(false);
            }
        }

        _stopping.Dispose();
    }

    private async IAsyncEnumerable<A2SResult<T>> QueryManyAsync<T>(IEnumerable<IPEndPoint> endPoints, Func<IPEndPoint, CancellationToken, Task<T>> query, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(endPoints);
        var results = Channel.CreateBounded<A2SResult<T>>(new BoundedChannelOptions(_options.MaxConcurrentQueries) { SingleReader = true });
        using var slots = new SemaphoreSlim(_options.MaxConcurrentQueries);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task producer = ProduceAsync();
        try
        {
            await foreach (A2SResult<T> result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }
        finally
        {
            // A caller that stops reading early (or is cancelled) ends the queries still in flight, and they end before
            // the semaphore they release goes.
            linked.Cancel();
            await producer.ConfigureAwait(false);
        }

        async Task ProduceAsync()
        {
            var running = new List<Task>();
            Exception? failure = null;
            try
            {
                foreach (IPEndPoint endPoint in endPoints)
                {
                    await slots.WaitAsync(linked.Token).ConfigureAwait(false);
                    running.Add(OneAsync(endPoint));
                    if (running.Count >= 4 * _options.MaxConcurrentQueries)
                    {
                        running.RemoveAll(task => task.IsCompleted);
                    }
                }
            }
            catch (Exception e)
            {
                failure = e; // cancelled, or the caller's sequence of endpoints threw
            }

            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure ??= e;
            }

            results.Writer.TryComplete(failure);
        }

        async Task OneAsync(IPEndPoint endPoint)
        {
            long started = Stopwatch.GetTimestamp();
            A2SResult<T> result;
            try
            {
                T value = await query(endPoint, linked.Token).ConfigureAwait(false);
                result = new A2SResult<T>(endPoint, value, null, Stopwatch.GetElapsedTime(started));
            }
            catch (A2SException e)
            {
                result = new A2SResult<T>(endPoint, null, e, Stopwatch.GetElapsedTime(started));
            }
            finally
            {
                slots.Release();
            }

            await results.Writer.WriteAsync(result, linked.Token).ConfigureAwait(false);
        }
    }

    /// <summary>One query, with its span and duration when anything listens (the <c>RconTyped</c> source and meter).</summary>
    private Task<(byte Type, byte[] Payload)> QueryAsync(IPEndPoint endPoint, A2SQueryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (endPoint.Address.IsIPv4MappedToIPv6)
        {
            endPoint = new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port);
        }

        return RconTelemetry.QueriesObserved ? ObservedQueryAsync(endPoint, kind, cancellationToken) : QueryCoreAsync(endPoint, kind, cancellationToken);
    }

    /// <summary>A query with its span and metrics, tagged as commands are (<c>error.type</c> is the exception's type).</summary>
    private async Task<(byte Type, byte[] Payload)> ObservedQueryAsync(IPEndPoint endPoint, A2SQueryKind kind, CancellationToken cancellationToken)
    {
        string name = Name(kind);
        KeyValuePair<string, object?>[] server = RconTelemetry.ServerTags(endPoint);
        using Activity? activity = RconTelemetry.Source.StartActivity(name, ActivityKind.Client);
        if (activity is not null)
        {
            foreach (KeyValuePair<string, object?> tag in server)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag("a2s.query", name);
        }

        long start = Stopwatch.GetTimestamp();
        string outcome = "ok";
        string? errorType = null;
        try
        {
            return await QueryCoreAsync(endPoint, kind, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            outcome = e switch
            {
                A2STimeoutException => "timeout",
                OperationCanceledException => "cancelled",
                ObjectDisposedException => "disposed",
                _ => "error",
            };
            errorType = e.GetType().FullName;
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            activity?.SetTag("error.type", errorType);
            if (e is A2STimeoutException)
            {
                RconTelemetry.QueryTimeouts.Add(1, new TagList(server) { { "a2s.query", name } });
            }

            throw;
        }
        finally
        {
            activity?.SetTag("a2s.outcome", outcome);
            var tags = new TagList(server) { { "a2s.query", name }, { "a2s.outcome", outcome } };
            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
            }

            RconTelemetry.QueryDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        }
    }

    /// <summary>One query: waits its turn behind another of the same kind to the same server, then sends, follows challenges and retries.</summary>
    private async Task<(byte Type, byte[] Payload)> QueryCoreAsync(IPEndPoint endPoint, A2SQueryKind kind, CancellationToken cancellationToken)
    {
        A2SSocket socket = SocketFor(endPoint.AddressFamily);
        var turnDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        A2SServerState state = _router.Enter(endPoint, kind, turnDone.Task, out Task previousTurn);
        A2SPendingQuery? pending = null;
        try
        {
            await previousTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
            pending = _router.Begin(state, endPoint, kind);
            int attempts = 0;
            while (true)
            {
                attempts++;
                Send(socket, endPoint, kind, _router.ChallengeOf(pending));
                try
                {
                    return _options.Timeout == Timeout.InfiniteTimeSpan
                        ? await pending.Answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
                        : await pending.Answer.Task.WaitAsync(_options.Timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    Statistics.OnTimeout();
                    if (attempts > _options.Retries)
                    {
                        string? drop = _router.LastDropOf(state);
                        throw new A2STimeoutException(
                            $"{Name(kind)} to {endPoint}: no answer within {_options.Timeout.TotalSeconds:0.###} s on {attempts} attempt{(attempts == 1 ? "" : "s")}" +
                            (drop is null ? ". Is the query port right (often the game port; Rust and ARK use another) and open to UDP?" : $"; an answer was dropped: {drop}."),
                            endPoint, kind, _options.Timeout, attempts);
                    }
                }
            }
        }
        finally
        {
            turnDone.SetResult();
            _router.Leave(state, endPoint, kind, pending);
        }
    }

    /// <summary>The router follows a challenge: the same query again, with the number.</summary>
    private void Resend(IPEndPoint endPoint, A2SQueryKind kind, int challenge) => Send(SocketFor(endPoint.AddressFamily), endPoint, kind, challenge);

    private void Send(A2SSocket socket, IPEndPoint endPoint, A2SQueryKind kind, int challenge)
    {
        Span<byte> request = stackalloc byte[A2SRequest.MaxLength];
        int length = A2SRequest.Write(request, kind, challenge);
        try
        {
            socket.Socket.SendTo(request[..length], SocketFlags.None, endPoint);
            Statistics.OnSent();
        }
        catch (SocketException e)
        {
            throw new A2SException($"{Name(kind)} to {endPoint} could not be sent: {e.Message}", endPoint, kind, e);
        }
        catch (ObjectDisposedException)
        {
            throw Disposed();
        }
    }

    private A2SSocket SocketFor(AddressFamily family)
    {
        lock (_sockets)
        {
            if (_disposed)
            {
                throw Disposed();
            }

            ref A2SSocket? slot = ref family == AddressFamily.InterNetworkV6 ? ref _ipv6 : ref _ipv4;
            if (slot is null || slot.ReceiveLoop.IsCompleted)
            {
                var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    socket.ReceiveBufferSize = 4 * 1024 * 1024; // many answers at once; the kernel caps it (net.core.rmem_max)
                }
                catch (SocketException)
                {
                    // Keep the system's size.
                }

                socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
                slot = new A2SSocket(socket);
                slot.ReceiveLoop = ReceiveLoopAsync(socket);
            }

            return slot;
        }
    }

    /// <summary>Receives until the client is disposed or the socket fails; no datagram ends it. Ends in one place, failing what waits on this socket.</summary>
    private async Task ReceiveLoopAsync(Socket socket)
    {
        await Task.Yield(); // the caller that opened the socket goes on to send
        byte[] buffer = GC.AllocateUninitializedArray<byte>(65536);
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        string reason = "the A2S client was disposed";
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.MessageSize)
                {
                    continue; // an ICMP error for one server (Windows reports them on the socket), or a datagram over 64 KiB
                }

                try
                {
                    _router.OnDatagram(buffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Statistics.OnMalformed(); // one bad datagram never ends the loop that serves every query
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException e)
        {
            reason = $"the UDP socket failed: {e.Message}";
        }
        finally
        {
            foreach (A2SPendingQuery query in _router.Waiting(socket.AddressFamily, close: false))
            {
                query.Answer.TrySetException(_disposed
                    ? Disposed()
                    : new A2SException($"{Name(query.Kind)} to {query.EndPoint} failed: {reason}", query.EndPoint, query.Kind));
            }
        }
    }

    private static ObjectDisposedException Disposed() => new(nameof(A2SClient), "The A2S client was disposed.");

    private static A2SException Unreadable(IPEndPoint endPoint, A2SQueryKind kind, string error) =>
        new($"{Name(kind)} to {endPoint}: the answer could not be read: {error}.", endPoint, kind);

    private static string Name(A2SQueryKind kind) => kind switch
    {
        A2SQueryKind.Info => "A2S_INFO",
        A2SQueryKind.Players => "A2S_PLAYER",
        _ => "A2S_RULES",
    };

    private sealed class A2SSocket(Socket socket)
    {
        public Socket Socket { get; } = socket;

        public Task ReceiveLoop { get; set; } = Task.CompletedTask;
    }
}
