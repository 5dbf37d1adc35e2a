using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RconTyped.Logs;

/// <summary>
/// Receives a server's log over UDP, where Source servers send it after <c>logaddress_add IP:PORT</c>, and hands out typed
/// events. Datagrams from addresses not allowed, with a wrong or missing secret, or malformed, are dropped and counted in
/// <see cref="Statistics"/>; none of them ends the receive loop. The queue is bounded: a slow reader loses the oldest
/// events (counted), never memory.
/// </summary>
/// <example>
/// <code>
/// await using var logs = new RconLogListener(new RconLogListenerOptions { Port = 27500, Secret = "12345" });
/// await logs.StartAsync();
/// await foreach (LogEvent e in logs.ReadAllAsync(ct)) { if (e is PlayerKilledEvent kill) … }
/// </code>
/// </example>
public sealed class RconLogListener : IAsyncDisposable
{
    private readonly RconLogListenerOptions _options;
    private readonly LogEventQueue _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly byte[]? _secret;
    private Socket? _socket;
    private Task? _receiveLoop;

    /// <summary>Creates a listener; <see cref="StartAsync"/> binds it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port or the queue capacity is out of range.</exception>
    public RconLogListener(RconLogListenerOptions? options = null)
    {
        _options = options ?? new RconLogListenerOptions();
        _secret = string.IsNullOrEmpty(_options.Secret) ? null : Encoding.ASCII.GetBytes(_options.Secret);
        _queue = new LogEventQueue(_options);
    }

    /// <summary>The address and port it listens on, once started (the port chosen when <see cref="RconLogListenerOptions.Port"/> is 0).</summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public IPEndPoint EndPoint => (IPEndPoint?)_socket?.LocalEndPoint ?? throw new InvalidOperationException("The listener is not started: call StartAsync first.");

    /// <summary>What was received and dropped so far.</summary>
    public RconLogListenerStatistics Statistics => _queue.Statistics;

    /// <summary>
    /// Why the receive loop ended, once it has: the socket's own failure. Null while it runs or after a normal stop; no
    /// datagram ends the loop (one that cannot be handled is counted in <see cref="RconLogListenerStatistics.Malformed"/>).
    /// </summary>
    public Exception? Fault { get; private set; }

    /// <summary>Binds the UDP socket and starts receiving.</summary>
    /// <exception cref="SocketException">The address or port cannot be bound (in use, not local).</exception>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_socket is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(_options.BindAddress, _options.Port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _receiveLoop = Task.Run(() => ReceiveLoopAsync(socket, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>The events as they arrive, until the listener is disposed. Meant for one reader at a time.</summary>
    public IAsyncEnumerable<LogEvent> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Stops receiving, closes the socket and ends <see cref="ReadAllAsync"/> once the queued events are read.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        if (_receiveLoop is not null)
        {
            await _receiveLoop.ConfigureAwait(false);
        }

        _queue.Complete(null);
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken stopping)
    {
        byte[] buffer = new byte[65_536];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stopping).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // An ICMP error for an earlier send, or a datagram larger than any log line: neither ends the loop.
                    _queue.CountMalformed();
                    continue;
                }

                try
                {
                    Accept(buffer.AsSpan(0, result.ReceivedBytes), (IPEndPoint)result.RemoteEndPoint);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One datagram we could not handle (a bug of ours, not the socket's): it is dropped and counted; the others go on.
                    _queue.CountMalformed();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The socket itself failed: recorded, and the reader's enumeration ends with it.
            Fault = e;
        }
        finally
        {
            _queue.Complete(Fault);
        }
    }

    /// <summary>Checks one datagram and queues the events it completes (internal: the fuzz target feeds it without a socket).</summary>
    internal void Accept(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (!_queue.Admit(source.Address))
        {
            return;
        }

        if (datagram.Length < 5 || !datagram[..4].SequenceEqual((ReadOnlySpan<byte>)[0xFF, 0xFF, 0xFF, 0xFF]) || datagram[4] is not ((byte)'R' or (byte)'S'))
        {
            _queue.CountMalformed();
            return;
        }

        ReadOnlySpan<byte> payload = datagram[5..];
        if (datagram[4] == 'S')
        {
            if (_secret is not null && !payload.StartsWith(_secret))
            {
                _queue.CountBadSecret();
                return;
            }

            // Without a secret of our own the length of theirs is unknown: it is a number, and the line starts after it.
            int skip = _secret?.Length ?? payload.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
            payload = payload[Math.Max(skip, 0)..];
        }
        else if (_secret is not null)
        {
            _queue.CountBadSecret();
            return;
        }

        string text = LogEventQueue.Decode(payload, out byte[]? invalid);
        Queue(source, text, invalid);
    }

    /// <summary>Joins a line split across datagrams (a part without a final line break waits for the rest), then queues it.</summary>
    private void Queue(IPEndPoint source, string text, byte[]? invalid)
    {
        LogSourceState state = _queue.State(source.ToString());
        long now = _options.TimeProvider.GetTimestamp();
        if (state.Partial.Length > 0 && (_options.TimeProvider.GetElapsedTime(state.PartialSince, now) > _options.FragmentTimeout || text.StartsWith("L ", StringComparison.Ordinal)))
        {
            // The rest never came: what arrived is given up as malformed rather than glued to an unrelated line.
            state.Partial.Clear();
            _queue.CountMalformed();
        }

        string trimmed = text.TrimEnd('\0');
        if (!trimmed.EndsWith('\n'))
        {
            if (state.Partial.Length == 0)
            {
                state.PartialSince = now;
            }

            state.Partial.Append(trimmed);
            if (state.Partial.Length > LogSourceState.MaxPartialLength)
            {
                state.Partial.Clear();
                _queue.CountMalformed();
            }

            return;
        }

        string line = state.Partial.Length == 0 ? trimmed : state.Partial.Append(trimmed).ToString();
        state.Partial.Clear();
        foreach (string part in line.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            _queue.AddLine(state, part, invalid);
        }
    }
}
