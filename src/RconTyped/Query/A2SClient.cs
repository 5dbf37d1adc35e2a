using System.Buffers.Binary;
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
    private readonly A2SLimits _limits;
    private readonly object _gate = new();
    private readonly Dictionary<IPEndPoint, A2SServerState> _servers = [];
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
        _limits = new A2SLimits(_options.MaxAnswerBytes, Math.Min(255, (_options.MaxAnswerBytes / 400) + 1));
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
        List<A2SPendingQuery> waiting = [];
        A2SSocket?[] sockets;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (A2SServerState state in _servers.Values)
            {
                waiting.AddRange(state.Queries());
            }

            sockets = [_ipv4, _ipv6];
        }

        _stopping.Cancel();
        foreach (A2SSocket? socket in sockets)
        {
            socket?.Socket.Dispose();
        }

        foreach (A2SPendingQuery query in waiting)
        {
            query.Answer.TrySetException(new ObjectDisposedException(nameof(A2SClient), "The A2S client was disposed while the query waited."));
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
        await foreach (A2SResult<T> result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }

        await producer.ConfigureAwait(false);

        async Task ProduceAsync()
        {
            var running = new List<Task>();
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

                await Task.WhenAll(running).ConfigureAwait(false);
                results.Writer.TryComplete();
            }
            catch (Exception e)
            {
                results.Writer.TryComplete(e);
            }
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

    /// <summary>One query: waits its turn behind another of the same kind to the same server, then sends, follows challenges and retries.</summary>
    private async Task<(byte Type, byte[] Payload)> QueryAsync(IPEndPoint endPoint, A2SQueryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (endPoint.Address.IsIPv4MappedToIPv6)
        {
            endPoint = new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port);
        }

        A2SSocket socket = SocketFor(endPoint.AddressFamily);
        var turnDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        A2SServerState state;
        Task previous;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_servers.TryGetValue(endPoint, out state!))
            {
                state = new A2SServerState();
                _servers.Add(endPoint, state);
            }

            state.Active++;
            previous = state.TakeTurn(kind, turnDone.Task);
        }

        try
        {
            await previous.WaitAsync(cancellationToken).ConfigureAwait(false);
            var pending = new A2SPendingQuery(endPoint, kind);
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                state[kind] = pending;
                state.LastDrop = null;
            }

            int attempts = 0;
            while (true)
            {
                attempts++;
                int challenge;
                lock (_gate)
                {
                    challenge = pending.Challenge;
                }

                Send(socket, endPoint, kind, challenge);
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
                        string? drop;
                        lock (_gate)
                        {
                            drop = state.LastDrop;
                        }

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
            lock (_gate)
            {
                if (state[kind] is { } mine && mine.EndPoint.Equals(endPoint))
                {
                    state[kind] = null;
                }

                if (--state.Active == 0)
                {
                    _servers.Remove(endPoint);
                }
            }
        }
    }

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
            throw new ObjectDisposedException(nameof(A2SClient), "The A2S client was disposed.");
        }
    }

    private A2SSocket SocketFor(AddressFamily family)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
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
                slot.ReceiveLoop = ReceiveLoopAsync(slot);
            }

            return slot;
        }
    }

    /// <summary>Receives until the client is disposed or the socket fails; no datagram ends it. Ends in one place, failing what waits on this socket.</summary>
    private async Task ReceiveLoopAsync(A2SSocket owner)
    {
        await Task.Yield(); // the caller that opened the socket goes on to send
        Socket socket = owner.Socket;
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

                Statistics.OnReceived();
                try
                {
                    OnDatagram(owner, buffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
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
            FailWaiting(socket.AddressFamily, reason);
        }
    }

    private void FailWaiting(AddressFamily family, string reason)
    {
        List<A2SPendingQuery> waiting = [];
        lock (_gate)
        {
            foreach ((IPEndPoint endPoint, A2SServerState state) in _servers)
            {
                if (endPoint.AddressFamily == family)
                {
                    waiting.AddRange(state.Queries());
                }
            }
        }

        foreach (A2SPendingQuery query in waiting)
        {
            query.Answer.TrySetException(_disposed
                ? new ObjectDisposedException(nameof(A2SClient), "The A2S client was disposed while the query waited.")
                : new A2SException($"{Name(query.Kind)} to {query.EndPoint} failed: {reason}", query.EndPoint, query.Kind));
        }
    }

    /// <summary>Routes one datagram: to the query of its server and kind, into a split answer, or into the counters.</summary>
    private void OnDatagram(A2SSocket socket, ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        if (from.Address.IsIPv4MappedToIPv6)
        {
            from = new IPEndPoint(from.Address.MapToIPv4(), from.Port);
        }

        if (datagram.Length < 5)
        {
            Statistics.OnMalformed();
            return;
        }

        int header = BinaryPrimitives.ReadInt32LittleEndian(datagram);
        lock (_gate)
        {
            if (!_servers.TryGetValue(from, out A2SServerState? state) || !state.HasQueries)
            {
                Statistics.OnStray();
                return;
            }

            if (header == -1)
            {
                OnAnswer(socket, state, from, datagram);
            }
            else if (header == -2)
            {
                OnSplitPiece(socket, state, from, datagram);
            }
            else
            {
                Statistics.OnMalformed();
            }
        }
    }

    private void OnSplitPiece(A2SSocket socket, A2SServerState state, IPEndPoint from, ReadOnlySpan<byte> datagram)
    {
        Statistics.OnSplitPiece();
        if (!A2SSplitAnswer.TryReadId(datagram, out int id))
        {
            Statistics.OnMalformed();
            return;
        }

        A2SSplitAnswer? split = state.Splits.Find(s => s.Id == id);
        if (split is null)
        {
            if (state.Splits.Count >= _options.MaxSplitAnswersPerServer)
            {
                state.Splits.RemoveAt(0);
                Statistics.OnDroppedSplit();
            }

            split = new A2SSplitAnswer(id);
            state.Splits.Add(split);
        }

        switch (split.Add(datagram, _limits, state.Engine, out byte[]? answer, out string? error))
        {
            case A2SSplitStep.Complete:
                state.Splits.Remove(split);
                OnAnswer(socket, state, from, answer);
                break;
            case A2SSplitStep.Duplicate:
                Statistics.OnDuplicatePiece();
                break;
            case A2SSplitStep.Failed:
                state.Splits.Remove(split);
                state.LastDrop = error;
                Statistics.OnDroppedSplit();
                break;
        }
    }

    private void OnAnswer(A2SSocket socket, A2SServerState state, IPEndPoint from, ReadOnlySpan<byte> datagram)
    {
        byte type = datagram[4];
        ReadOnlySpan<byte> payload = datagram[5..];
        if (type == A2SAnswerParser.Challenge)
        {
            if (payload.Length < 4)
            {
                Statistics.OnMalformed();
                return;
            }

            int challenge = BinaryPrimitives.ReadInt32LittleEndian(payload);
            foreach (A2SPendingQuery query in state.Queries())
            {
                if (query.ChallengesFollowed < _options.MaxChallenges && !query.Answer.Task.IsCompleted)
                {
                    query.ChallengesFollowed++;
                    query.Challenge = challenge;
                    Statistics.OnChallenge();
                    try
                    {
                        Send(socket, from, query.Kind, challenge);
                    }
                    catch (A2SException e)
                    {
                        query.Answer.TrySetException(e);
                    }
                }
            }

            return;
        }

        A2SQueryKind? kind = type switch
        {
            A2SAnswerParser.InfoSource or A2SAnswerParser.InfoGoldSource => A2SQueryKind.Info,
            A2SAnswerParser.Players => A2SQueryKind.Players,
            A2SAnswerParser.Rules => A2SQueryKind.Rules,
            _ => null,
        };

        if (kind is not { } k || state[k] is not { } pending)
        {
            Statistics.OnStray();
            return;
        }

        if (type == A2SAnswerParser.InfoGoldSource)
        {
            state.Engine = A2SEngine.GoldSource;
        }
        else if (type == A2SAnswerParser.InfoSource)
        {
            state.Engine = A2SEngine.Source;
        }

        if (pending.Answer.TrySetResult((type, payload.ToArray())))
        {
            Statistics.OnAnswer();
        }
    }

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
