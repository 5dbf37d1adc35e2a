using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using RconTyped.Logging;
using RconTyped.Protocol;
using RconTyped.Schema;

namespace RconTyped;

/// <summary>
/// A connection to one RCON server. Connect, authenticate, then run commands; any number of tasks may
/// run commands at once on one client: requests are pipelined and every answer is routed by its id.
/// </summary>
/// <remarks>
/// A client connects once. After the connection is lost or closed, create a new client.
/// Nothing the client logs, prints or throws contains the password.
/// </remarks>
public sealed class RconClient : IAsyncDisposable, IDisposable
{
    private const int NoEndMarker = PendingCommand.NoEndMarker;

    private readonly EndPoint _endPoint;
    private readonly string _display;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeSpan _commandTimeout;
    private readonly Encoding _commandEncoding;
    private readonly Encoding _answerEncoding;
    private readonly Encoding _lenientEncoding;
    private readonly int _maxPacketSize;
    private readonly int _maxResponseBytes;
    private readonly ILogger? _logger;
    private readonly RconReconnectPolicy? _reconnect;
    private readonly ConcurrentDictionary<int, PendingCommand> _pending = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly object _stateLock = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    private Socket? _socket;
    private CancellationTokenSource? _connection;
    private string? _password;
    private bool _reconnecting;
    private TaskCompletionSource? _reconnected;
    private PacketWriter? _writer;
    private Task _readLoop = Task.CompletedTask;
    private TaskCompletionSource<int>? _authentication;
    private bool _sawResponseBeforeAuth;
    private RconDialect _dialect;
    private int _lastId;
    private bool _authenticated;
    private bool _closed;
    private bool _rateLimited;
    private bool _discardedIdZeroAnswer;
    private bool _disposed;
    private string? _closeReason;
    private Exception? _closeFailure;

    /// <summary>Creates a client for a host name or IP address. Nothing is sent until <see cref="ConnectAsync"/>.</summary>
    /// <param name="host">The server's host name or IP address.</param>
    /// <param name="port">The RCON port; srcds uses its game port, 27015 by default.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public RconClient(string host, int port = 27015, RconClientOptions? options = null)
        : this(RconAddress.ToEndPoint(ValidateHost(host), ValidatePort(port)), options)
    {
    }

    /// <summary>Creates a client for an endpoint (<see cref="IPEndPoint"/> or <see cref="DnsEndPoint"/>).</summary>
    /// <param name="endPoint">The server's RCON endpoint.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public RconClient(EndPoint endPoint, RconClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= new RconClientOptions();
        ArgumentNullException.ThrowIfNull(options.Dialect, "options.Dialect");
        ArgumentNullException.ThrowIfNull(options.Encoding, "options.Encoding");
        ValidateTimeout(options.ConnectTimeout, "options.ConnectTimeout");
        ValidateTimeout(options.CommandTimeout, "options.CommandTimeout");
        if (options.MaxPacketSize < 4096 + RconCodec.MinimumSizeField)
        {
            throw new ArgumentOutOfRangeException("options.MaxPacketSize", options.MaxPacketSize, "MaxPacketSize must be at least 4106: srcds sends packets with 4096-byte bodies.");
        }

        if (options.MaxResponseBytes < 1)
        {
            throw new ArgumentOutOfRangeException("options.MaxResponseBytes", options.MaxResponseBytes, "MaxResponseBytes must be positive.");
        }

        _endPoint = endPoint;
        _display = endPoint switch
        {
            DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            _ => endPoint.ToString() ?? "server",
        };
        _connectTimeout = options.ConnectTimeout;
        _commandTimeout = options.CommandTimeout;
        _dialect = options.Dialect;
        _maxPacketSize = options.MaxPacketSize;
        _maxResponseBytes = options.MaxResponseBytes;
        _logger = options.Logger;
        _reconnect = options.Reconnect;

        // Private copies with explicit fallbacks: a command that cannot be encoded is refused, an answer
        // that cannot be decoded raises RconEncodingException (or gets U+FFFD when asked for).
        _commandEncoding = (Encoding)options.Encoding.Clone();
        _commandEncoding.EncoderFallback = EncoderFallback.ExceptionFallback;
        _answerEncoding = (Encoding)options.Encoding.Clone();
        _answerEncoding.DecoderFallback = options.ReplaceInvalidBytes ? new DecoderReplacementFallback("\uFFFD") : DecoderFallback.ExceptionFallback;
        _lenientEncoding = (Encoding)options.Encoding.Clone();
        _lenientEncoding.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
    }

    /// <summary>
    /// Raised (on the reader's thread) for packets that are not answers: types other than RESPONSE_VALUE and
    /// AUTH_RESPONSE, such as Squad's chat messages. They are never mixed into an answer.
    /// </summary>
    public event EventHandler<RconUnsolicitedPacketEventArgs>? UnsolicitedPacket;

    /// <summary>Raised before each reconnection attempt (with <see cref="RconClientOptions.Reconnect"/>).</summary>
    public event EventHandler<RconReconnectEventArgs>? Reconnecting;

    /// <summary>Raised when a reconnection succeeded and the client is authenticated again.</summary>
    public event EventHandler? Reconnected;

    /// <summary>The server's endpoint.</summary>
    public EndPoint EndPoint => _endPoint;

    /// <summary>True after <see cref="ConnectAsync"/> succeeded and until the connection is closed or lost.</summary>
    public bool IsConnected => _socket is not null && !_closed && !_reconnecting;

    /// <summary>True after <see cref="AuthenticateAsync"/> succeeded and until the connection is closed or lost.</summary>
    public bool IsAuthenticated => _authenticated && !_closed && !_reconnecting;

    /// <summary>True once the connection was closed by <see cref="Close"/>, by the server, or by a protocol error.</summary>
    public bool IsClosed => _closed;

    /// <summary>
    /// The dialect in use. With <see cref="RconDialect.Auto"/> this becomes <see cref="RconDialect.Source"/>
    /// or <see cref="RconDialect.Cs2"/> once authentication shows which server this is.
    /// </summary>
    public RconDialect Dialect => _dialect;

    /// <summary>Opens the TCP connection.</summary>
    /// <exception cref="RconConnectionException">The server cannot be reached, refused the connection, or did not answer within <see cref="RconClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is already connected.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            ThrowIfUnusable();
            if (_socket is not null)
            {
                throw new InvalidOperationException("The client is already connected. A client connects once; create a new RconClient for a new connection.");
            }

            _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        if (_connectTimeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_connectTimeout);
        }

        try
        {
            await _socket.ConnectAsync(_endPoint, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            MarkClosed("connect timed out");
            throw new RconConnectionException($"Could not connect to {_display}: no answer within {_connectTimeout.TotalSeconds:0.###} s. Check the address and port, and that a firewall lets TCP through.");
        }
        catch (OperationCanceledException)
        {
            MarkClosed("connect cancelled");
            throw;
        }
        catch (SocketException e)
        {
            MarkClosed("connect failed");
            throw new RconConnectionException($"Could not connect to {_display}: {Describe(e)}. Check the address and port, that the server is running, and that RCON is enabled on that port.", e);
        }

        InstallConnection(_socket);
        if (_logger is not null)
        {
            Log.Connected(_logger, _display);
        }
    }

    /// <summary>
    /// Sends the password and waits for the server's verdict. Never retried automatically: srcds bans an
    /// address after repeated failures.
    /// </summary>
    /// <exception cref="RconAuthenticationException">
    /// <see cref="RconAuthenticationFailure.WrongPassword"/> when the server answers id -1 (the connection stays open);
    /// <see cref="RconAuthenticationFailure.ConnectionClosed"/> when the server closes the connection instead (a ban, usually).
    /// </exception>
    /// <exception cref="RconTimeoutException">No verdict within <see cref="RconClientOptions.CommandTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected, or an authentication is already running.</exception>
    public async Task AuthenticateAsync(string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        int byteCount = MeasureBody(password, nameof(password), isPassword: true);
        TaskCompletionSource<int> verdict = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stateLock)
        {
            if (_closed && !_disposed && _socket is not null && !_authenticated)
            {
                // A banned address is dropped right after connecting, possibly before this call.
                throw AuthenticationClosedException(_closeReason ?? "closed", _closeFailure);
            }

            ThrowIfUnusable();
            if (_socket is null)
            {
                throw new InvalidOperationException("Call ConnectAsync before AuthenticateAsync.");
            }

            if (_authentication is not null)
            {
                throw new InvalidOperationException("An authentication is already running on this client.");
            }

            _authentication = verdict;
            _sawResponseBeforeAuth = false;
        }

        try
        {
            int answeredId = await SendAuthenticationAsync(verdict, password, byteCount, cancellationToken).ConfigureAwait(false);
            if (answeredId == -1)
            {
                throw new RconAuthenticationException(
                    RconAuthenticationFailure.WrongPassword,
                    $"{_display} rejected the RCON password (it answered id -1). Check rcon_password on the server. " +
                    "RconTyped does not retry: srcds bans an address after sv_rcon_maxfailures failed attempts.");
            }

            lock (_stateLock)
            {
                _authenticated = true;
                _password = _reconnect is null ? null : password; // kept in memory only, to authenticate again after a reconnection
                if (_dialect.ResponseEnd == RconResponseEnd.DetectAtAuthentication)
                {
                    _dialect = _sawResponseBeforeAuth ? RconDialect.Source : RconDialect.Cs2;
                }
            }

            if (_logger is not null)
            {
                Log.Authenticated(_logger, _display, _dialect.Name);
            }
        }
        finally
        {
            lock (_stateLock)
            {
                _authentication = null;
            }
        }
    }

    /// <summary>Runs a console command and returns its whole answer as text.</summary>
    /// <param name="command">The command line, as typed in the server console; at most the dialect's request limit once encoded.</param>
    /// <param name="cancellationToken">Cancels the wait; the connection stays usable and a late answer is discarded.</param>
    /// <exception cref="ArgumentException">The command is too long for the dialect, contains a NUL character, or cannot be encoded. Nothing was sent.</exception>
    /// <exception cref="RconTimeoutException">No complete answer within <see cref="RconClientOptions.CommandTimeout"/>; the connection stays usable.</exception>
    /// <exception cref="RconConnectionException">The connection was lost.</exception>
    /// <exception cref="RconProtocolException">The server sent malformed bytes; the connection was closed.</exception>
    /// <exception cref="RconEncodingException">The answer is not valid in the configured encoding; use <see cref="ExecuteRawAsync"/> for the bytes.</exception>
    public async Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        RconResponse response = await ExecuteRawAsync(command, cancellationToken).ConfigureAwait(false);
        return response.Text;
    }

    /// <summary>Runs a console command and returns its whole answer: the body bytes, exactly as received, and their text.</summary>
    /// <inheritdoc cref="ExecuteAsync" path="/param"/>
    /// <inheritdoc cref="ExecuteAsync" path="/exception"/>
    public async Task<RconResponse> ExecuteRawAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        int byteCount = MeasureBody(command, nameof(command), isPassword: false);
        await WaitForReconnectionAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfNotAuthenticated();

        // Games that cannot pipeline (Minecraft) get one command at a time.
        bool serialized = _dialect.MaxCommandsInFlight == 1;
        if (serialized)
        {
            await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        RconDialect dialect = _dialect; // read after the wait: authentication (Auto) or a reconnection may have set it
        int id = NextId();
        bool mirror = dialect.ResponseEnd == RconResponseEnd.MirrorPacket;
        bool probe = dialect.ResponseEnd == RconResponseEnd.UnknownTypeProbe;
        var pending = new PendingCommand(id, mirror || probe ? NextId() : NoEndMarker, _maxResponseBytes) { ProbeAfterFirstPacket = probe };
        _pending[id] = pending;
        if (pending.EndMarkerId != NoEndMarker)
        {
            _pending[pending.EndMarkerId] = pending;
        }

        try
        {
            // The command and the empty marker are separate packets, each in one write.
            // The command and its end marker go out in one write; a failed write fails the command through Shutdown.
            cancellationToken.ThrowIfCancellationRequested();
            Socket? socket = _socket;
            QueuePackets(id, RconPacketType.ExecCommand, command, byteCount, mirror ? pending.EndMarkerId : NoEndMarker);
            if (_closed)
            {
                // The read loop may have failed everything just before this command was registered: same failure.
                pending.Completion.TrySetException(_closeFailure ?? ConnectionClosedException());
            }

            try
            {
                return await WaitAsync(pending.Completion.Task, id, CommandName(command), cancellationToken, dialect.AnswersCarryRequestId).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RconTimeoutException or OperationCanceledException && !dialect.AnswersCarryRequestId && socket is not null)
            {
                // Without ids, this command's late answer would be taken as the next command's: drop the connection instead.
                OnConnectionLost(socket, $"request {id} was abandoned (timed out or cancelled) and {dialect.Name} answers carry no request id", new RconConnectionException(
                    $"The connection to {_display} was dropped because a command was abandoned before its answer came: {dialect.Name} answers carry no request id, " +
                    "so a late answer could not be told apart from the next command's. Set RconClientOptions.Reconnect to reconnect automatically."));
                throw;
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
            if (pending.EndMarkerId != NoEndMarker)
            {
                _pending.TryRemove(pending.EndMarkerId, out _);
            }

            if (serialized)
            {
                _oneAtATime.Release();
            }
        }
    }

    /// <summary>
    /// Sends a command without waiting for its answer (python-valve's <c>block=False</c>). The answer, if any,
    /// is discarded when it arrives. Returns once the command is written, except with dialects that run one command at a
    /// time (<see cref="RconDialect.MaxCommandsInFlight"/> of 1: Minecraft, ARK, Palworld), where it waits for the answer
    /// so that the next command cannot overtake it.
    /// </summary>
    /// <exception cref="ArgumentException">The command is too long for the dialect, contains a NUL character, or cannot be encoded. Nothing was sent.</exception>
    /// <exception cref="RconConnectionException">The connection was lost.</exception>
    public async Task SendAsync(string command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        int byteCount = MeasureBody(command, nameof(command), isPassword: false);
        await WaitForReconnectionAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfNotAuthenticated();
        cancellationToken.ThrowIfCancellationRequested();
        if (_dialect.MaxCommandsInFlight == 1)
        {
            // A game that cannot pipeline must not see another packet before it answered this one.
            await ExecuteRawAsync(command, cancellationToken).ConfigureAwait(false);
            return;
        }

        await QueuePacketsAndWaitAsync(NextId(), RconPacketType.ExecCommand, command, byteCount).ConfigureAwait(false);
    }

    /// <summary>Runs <c>cvarlist</c> and yields its rows: every console variable and command the server has.</summary>
    /// <exception cref="RconTimeoutException">The list did not arrive in time.</exception>
    /// <exception cref="RconConnectionException">The connection was lost.</exception>
    public async IAsyncEnumerable<ConVar> GetConVarsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string text = await ExecuteAsync("cvarlist", cancellationToken).ConfigureAwait(false);
        foreach (ConVar row in CvarListParser.Parse(text))
        {
            yield return row;
        }
    }

    /// <summary>Closes the connection. Commands still waiting fail with <see cref="RconConnectionException"/>. Safe to call more than once.</summary>
    public void Close()
    {
        lock (_stateLock)
        {
            _disposed = true;
        }

        Shutdown("closed by the caller", new RconConnectionException($"The client for {_display} was closed while the command waited for its answer."));
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <summary>Closes the connection and waits for the reader to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        Close();
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The read loop reports its failures to waiting commands; nothing is left to tell here.
        }
    }

    /// <summary>The endpoint and state, for logs. Never the password.</summary>
    public override string ToString() =>
        $"RconClient({_display}, {(IsAuthenticated ? "authenticated" : IsConnected ? "connected" : IsClosed ? "closed" : "not connected")}, dialect {_dialect.Name})";

    private async Task ReadLoopAsync(PipeReader reader, Socket socket, CancellationToken connection)
    {
        Exception? failure = null;
        string reason = "the server closed the connection";
        using ShortPacketWatch? shortPackets = _dialect.ShortPacketWait is { } wait ? new ShortPacketWatch(reader, wait) : null;
        try
        {
            while (true)
            {
                ReadResult result = await reader.ReadAsync(connection).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                while (RconCodec.Decode(buffer, out RconPacketHeader header, out ReadOnlySequence<byte> body, out SequencePosition end, _maxPacketSize) == RconDecodeStatus.Complete)
                {
                    OnPacket(header, body);
                    buffer = buffer.Slice(end);
                }

                if (shortPackets is { Expired: true } && TryTakeShortPacket(buffer))
                {
                    buffer = buffer.Slice(buffer.End);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                shortPackets?.Observe(buffer.Length, result.IsCanceled);
                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        reason = $"the server closed the connection in the middle of a packet ({buffer.Length} bytes of it had arrived)";
                    }

                    break;
                }
            }
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested)
        {
            return;
        }
        catch (RconProtocolException e)
        {
            failure = e;
            reason = e.Message;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            reason = $"the connection failed: {e.Message}";
            failure = null;
        }

        if (_rateLimited && failure is null)
        {
            reason = $"the server answered '{_dialect.RateLimitAnswer}' and closed the connection: {_dialect.Name} does this when rate-limited; wait a few minutes before connecting again, and send fewer commands";
        }

        failure ??= new RconConnectionException($"The connection to {_display} was lost: {reason}.");
        OnConnectionLost(socket, reason, failure);
    }

    private void OnPacket(in RconPacketHeader header, in ReadOnlySequence<byte> body)
    {
        if (_logger is not null && _logger.IsEnabled(LogLevel.Trace))
        {
            Log.PacketReceived(_logger, header.Id, header.Type, header.PacketLength, _answerEncoding.GetString(body.IsSingleSegment ? body.FirstSpan : body.ToArray()));
        }

        if (_dialect.RateLimitAnswer is { } limit && header.Type == RconPacketType.ResponseValue && body.Length == limit.Length && Lenient(body.ToArray()) == limit)
        {
            // Conan Exiles' "42": the server is about to close the connection; the close is reported with the reason.
            _rateLimited = true;
            return;
        }

        TaskCompletionSource<int>? authentication = _authentication;
        if (authentication is not null)
        {
            if (header.Type == RconPacketType.AuthResponse)
            {
                authentication.TrySetResult(header.Id);
                return;
            }

            if (header.Type == RconPacketType.ResponseValue && !_authenticated)
            {
                // Source 1 sends an empty RESPONSE_VALUE before the AUTH_RESPONSE; CS2 does not. Skip it, and remember.
                _sawResponseBeforeAuth = true;
                return;
            }
        }

        if (header.Type != RconPacketType.ResponseValue && header.Type != RconPacketType.AuthResponse)
        {
            // Chat (Squad's type 1), stray packets (Rust's type 4): reported, never part of an answer.
            if (UnsolicitedPacket is { } handler)
            {
                byte[] bytes = body.ToArray();
                handler(this, new RconUnsolicitedPacketEventArgs(header.Id, header.Type, bytes, Lenient(bytes)));
            }

            return;
        }

        if (header.Type == RconPacketType.AuthResponse && header.Id == -1 && _authenticated)
        {
            _authenticated = false;
            FailAll(new RconAuthenticationException(
                RconAuthenticationFailure.Revoked,
                $"{_display} no longer accepts this connection's authentication (rcon_password may have changed). Authenticate again."));
            return;
        }

        PendingCommand? pending;
        if (!_dialect.AnswersCarryRequestId && header.Type == RconPacketType.ResponseValue)
        {
            // Palworld answers with id 0: the answer belongs to the one command in flight.
            pending = WaitingCommand();
        }
        else
        {
            _pending.TryGetValue(header.Id, out pending);
        }

        if (pending is null)
        {
            if (_logger is not null)
            {
                Log.PacketDiscarded(_logger, header.Id, header.Type);
            }

            // Ids start at 1, so an answer with id 0 is no late answer: the server does not echo ids (Palworld). Said on timeout.
            _discardedIdZeroAnswer |= header.Id == 0 && header.Type == RconPacketType.ResponseValue && !body.IsEmpty;
            return;
        }

        if (pending.IsEndMarker(header.Id))
        {
            // The mirrored empty packet (Source) or the answer to the probe (Minecraft): everything the server had for
            // the command came before it. Source's 00 01 00 00 packet that follows carries the same id and is
            // discarded as unknown.
            if (body.IsEmpty || pending.ProbeAfterFirstPacket)
            {
                pending.Completion.TrySetResult(Response(pending));
                _pending.TryRemove(pending.EndMarkerId, out _);
                _pending.TryRemove(pending.Id, out _);
            }

            return;
        }

        if (!pending.TryAppend(body))
        {
            throw new RconProtocolException(
                RconProtocolViolation.ResponseTooLarge,
                $"The answer to request {pending.Id} grew past RconClientOptions.MaxResponseBytes ({_maxResponseBytes} bytes); the connection was closed. Raise the limit if the server really sends answers this long.");
        }

        if (pending.EndMarkerId == NoEndMarker)
        {
            pending.Completion.TrySetResult(Response(pending));
            _pending.TryRemove(pending.Id, out _);
        }
        else if (pending.ProbeAfterFirstPacket && !pending.ProbeSent)
        {
            // The server has started answering, so this packet cannot reach it in the same read as the command.
            pending.ProbeSent = true;
            try
            {
                QueuePackets(pending.EndMarkerId, RconPacketType.ResponseValue, string.Empty, 0, NoEndMarker);
            }
            catch (RconConnectionException)
            {
                // The write side already failed; the shutdown that follows fails this command.
            }
        }
    }

    /// <summary>The one command waiting for an answer, for dialects whose answers carry no id (one command in flight).</summary>
    private PendingCommand? WaitingCommand()
    {
        foreach (KeyValuePair<int, PendingCommand> entry in _pending)
        {
            return entry.Value;
        }

        return null;
    }

    /// <summary>
    /// The bytes left over are an answer packet that stopped short of its size field and has not grown for the dialect's
    /// wait (Palworld overstates non-ASCII sizes): when a command waits for it, it gets what arrived, marked truncated.
    /// </summary>
    private bool TryTakeShortPacket(in ReadOnlySequence<byte> unfinished)
    {
        if (!RconCodec.TryReadHeader(unfinished, out RconPacketHeader header) || header.Type != RconPacketType.ResponseValue || WaitingCommand() is not { } pending)
        {
            return false;
        }

        ReadOnlySequence<byte> body = unfinished.Slice(RconCodec.HeaderLength);
        for (int terminators = 0; terminators < 2 && !body.IsEmpty && body.Slice(body.Length - 1).FirstSpan[0] == 0; terminators++)
        {
            body = body.Slice(0, body.Length - 1);
        }

        if (_logger is not null)
        {
            Log.ShortPacketTaken(_logger, header.Id, header.PacketLength, unfinished.Length, _dialect.ShortPacketWait!.Value);
        }

        pending.Truncated = true;
        OnPacket(header, body);
        return true;
    }

    /// <summary>Text for events and checks, never an exception: invalid bytes become U+FFFD.</summary>
    private string Lenient(byte[] bytes) => _lenientEncoding.GetString(bytes);

    private RconResponse Response(PendingCommand pending) =>
        new(pending.Id, pending.Body, _answerEncoding, _dialect, pending.Truncated);

    /// <summary>Encodes a packet (and the end marker, when given) and queues them as one write; a failed write closes the client.</summary>
    private void QueuePackets(int id, RconPacketType type, string body, int bodyByteCount, int endMarkerId)
    {
        if (!EncodeAndQueue(id, type, body, bodyByteCount, endMarkerId, waitUntilWritten: false, out _))
        {
            throw ConnectionClosedException();
        }
    }

    /// <summary>Encodes a packet, queues it, and completes once it is written.</summary>
    private Task QueuePacketsAndWaitAsync(int id, RconPacketType type, string body, int bodyByteCount)
    {
        EncodeAndQueue(id, type, body, bodyByteCount, NoEndMarker, waitUntilWritten: true, out Task? written);
        return written!;
    }

    private bool EncodeAndQueue(int id, RconPacketType type, string body, int bodyByteCount, int endMarkerId, bool waitUntilWritten, out Task? written)
    {
        PacketWriter writer = _writer ?? throw new InvalidOperationException("Call ConnectAsync first.");
        int length = RconCodec.GetPacketLength(bodyByteCount);
        int total = endMarkerId == NoEndMarker ? length : length + RconCodec.Overhead;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            RconCodec.Encode(buffer, id, type, body.AsSpan(), _commandEncoding);
            if (endMarkerId != NoEndMarker)
            {
                RconCodec.Encode(buffer.AsSpan(length), endMarkerId, RconPacketType.ResponseValue, ReadOnlySpan<byte>.Empty);
            }

            ReadOnlySpan<byte> packets = buffer.AsSpan(0, total);
            written = null;
            bool queued = true;
            if (waitUntilWritten)
            {
                written = writer.EnqueueAndWaitAsync(packets);
            }
            else
            {
                queued = writer.Enqueue(packets);
            }

            if (queued)
            {
                LogSent(id, type, length, type == RconPacketType.Auth ? "(password not logged)" : body);
                if (endMarkerId != NoEndMarker)
                {
                    LogSent(endMarkerId, RconPacketType.ResponseValue, RconCodec.Overhead, string.Empty);
                }
            }

            return queued;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void LogSent(int id, RconPacketType type, int length, string body)
    {
        if (_logger is not null && _logger.IsEnabled(LogLevel.Trace))
        {
            Log.PacketSent(_logger, id, type, length, body);
        }
    }

    private async Task<T> WaitAsync<T>(Task<T> answer, int id, string what, CancellationToken cancellationToken, bool lateAnswerDiscarded = true)
    {
        try
        {
            return _commandTimeout == Timeout.InfiniteTimeSpan
                ? await answer.WaitAsync(cancellationToken).ConfigureAwait(false)
                : await answer.WaitAsync(_commandTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            if (_logger is not null)
            {
                Log.CommandTimedOut(_logger, id, _commandTimeout);
            }

            throw new RconTimeoutException(
                $"No complete answer to {what} (request {id}) from {_display} within {_commandTimeout.TotalSeconds:0.###} s. " +
                (lateAnswerDiscarded
                    ? "The connection is still usable and a late answer will be discarded. "
                    : $"The connection was dropped: {_dialect.Name} answers carry no request id, so a late answer could not be told apart from the next command's. ") +
                (_discardedIdZeroAnswer && _dialect.AnswersCarryRequestId
                    ? "The server sent answers with id 0, which no command waits for: Palworld does this; use RconDialect.Palworld (CLI: --dialect palworld). "
                    : string.Empty) +
                "Some commands (changelevel, for one) are never answered; " +
                "for slow commands raise RconClientOptions.CommandTimeout or pass a CancellationToken.",
                _commandTimeout,
                e);
        }
    }

    private int MeasureBody(string body, string parameterName, bool isPassword)
    {
        string what = isPassword ? "The password" : "The command";
        if (body.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} contains a NUL character, which ends an RCON body early. Nothing was sent.", parameterName);
        }

        int byteCount;
        try
        {
            byteCount = _commandEncoding.GetByteCount(body);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"{what} contains characters that {_commandEncoding.WebName} cannot encode. Nothing was sent.", parameterName, isPassword ? null : e);
        }

        RconDialect dialect = _dialect;
        if (byteCount > dialect.MaxCommandBytes)
        {
            string subject = isPassword ? "The password" : $"The command '{CommandName(body)}'";
            throw new ArgumentException(
                $"{subject} is {byteCount} bytes once encoded; the {dialect.Name} dialect allows at most {dialect.MaxCommandBytes} " +
                $"(packets of {dialect.MaxRequestPacketLength} bytes: Source 2013 servers ban an address that sends larger ones). Nothing was sent.",
                parameterName);
        }

        return byteCount;
    }

    private void ThrowIfNotAuthenticated()
    {
        ThrowIfUnusable();
        if (_socket is null)
        {
            throw new InvalidOperationException("Call ConnectAsync and AuthenticateAsync before running commands.");
        }

        if (!_authenticated)
        {
            throw new InvalidOperationException("Call AuthenticateAsync before running commands: the server ignores commands from a connection that has not authenticated.");
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_closed)
        {
            throw ConnectionClosedException();
        }
    }

    private RconConnectionException ConnectionClosedException(Exception? inner = null) =>
        new($"The connection to {_display} is closed ({_closeReason ?? "closed"}). Create a new RconClient to connect again.", inner ?? _closeFailure);

    private RconAuthenticationException AuthenticationClosedException(string reason, Exception? inner) => new(
        RconAuthenticationFailure.ConnectionClosed,
        $"{_display} closed the connection during authentication instead of answering ({reason}). The server has probably banned this address " +
        "after repeated failed attempts (srcds: sv_rcon_maxfailures failures ban for sv_rcon_banpenalty minutes, 0 meaning until restart); " +
        "an operator lifts the ban with 'removeip <address>' in the server console. Some games (Squad, Project Zomboid) also close on a wrong password.",
        inner);

    private void MarkClosed(string reason)
    {
        lock (_stateLock)
        {
            _closed = true;
            _closeReason ??= reason;
            _socket?.Dispose();
            _socket = null;
        }
    }

    private void Shutdown(string reason, Exception failure)
    {
        bool first;
        lock (_stateLock)
        {
            first = !_closed || _closeReason is null;
            _closed = true;
            _closeReason ??= reason;
            _closeFailure ??= failure;
        }

        _lifetime.Cancel();
        _connection?.Cancel();
        _socket?.Dispose();
        _authentication?.TrySetException(_authenticated && !_reconnecting ? failure : AuthenticationClosedException(reason, failure));
        FailAll(failure);
        _reconnected?.TrySetException(failure);
        if (first && _logger is not null)
        {
            Log.ConnectionClosed(_logger, _display, reason);
        }
    }

    /// <summary>Starts reading and writing on a connected socket; each connection has its own cancellation.</summary>
    private void InstallConnection(Socket socket)
    {
        var connection = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        var reader = PipeReader.Create(new NetworkStream(socket, ownsSocket: false), new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096));
        _connection = connection;
        _writer = new PacketWriter(socket, error => OnConnectionLost(socket, $"sending failed: {error.Message}", ConnectionClosedException(error)), connection.Token);
        _readLoop = Task.Run(() => ReadLoopAsync(reader, socket, connection.Token), CancellationToken.None);
    }

    /// <summary>Sends the AUTH packet and waits for the verdict: the id answered (-1 for a wrong password).</summary>
    private async Task<int> SendAuthenticationAsync(TaskCompletionSource<int> verdict, string password, int byteCount, CancellationToken cancellationToken)
    {
        int id = NextId();
        cancellationToken.ThrowIfCancellationRequested();
        QueuePackets(id, RconPacketType.Auth, password, byteCount, NoEndMarker);
        return await WaitAsync(verdict.Task, id, "authentication", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The connection behind <paramref name="socket"/> is gone. Without a reconnection policy (or before the first
    /// authentication, or for a protocol error) the client closes; otherwise waiting commands fail and it reconnects.
    /// </summary>
    private void OnConnectionLost(Socket socket, string reason, Exception failure)
    {
        bool reconnect;
        bool startReconnecting = false;
        lock (_stateLock)
        {
            if (!ReferenceEquals(socket, _socket) || _closed)
            {
                return; // a connection already replaced or closed
            }

            // A protocol error means the server cannot be trusted: close rather than reconnect.
            reconnect = _reconnect is not null && _password is not null && !_disposed && failure is not RconProtocolException;
            if (reconnect)
            {
                startReconnecting = !_reconnecting;
                _reconnecting = true;
                _reconnected ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (!reconnect)
        {
            Shutdown(reason, failure);
            return;
        }

        // Tear this connection down; in-flight commands fail and are never replayed (they may have run).
        _connection?.Cancel();
        socket.Dispose();
        _authentication?.TrySetException(AuthenticationClosedException(reason, failure));
        FailAll(failure);
        if (startReconnecting)
        {
            _ = Task.Run(() => ReconnectLoopAsync(failure), CancellationToken.None);
        }
    }

    private async Task ReconnectLoopAsync(Exception lostBecause)
    {
        RconReconnectPolicy policy = _reconnect!;
        var random = new Random();
        Exception lastError = lostBecause;
        for (int attempt = 1; attempt <= policy.MaxAttempts; attempt++)
        {
            TimeSpan delay = policy.DelayFor(attempt, random);
            if (_logger is not null)
            {
                Log.Reconnecting(_logger, _display, attempt, delay);
            }

            Reconnecting?.Invoke(this, new RconReconnectEventArgs(attempt, delay, lastError));
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await Task.Delay(delay, _lifetime.Token).ConfigureAwait(false);
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token))
                {
                    if (_connectTimeout != Timeout.InfiniteTimeSpan)
                    {
                        timeout.CancelAfter(_connectTimeout);
                    }

                    await socket.ConnectAsync(_endPoint, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !_lifetime.IsCancellationRequested))
            {
                socket.Dispose();
                lastError = e;
                continue;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                return; // closed by the caller
            }

            TaskCompletionSource<int> verdict = new(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_stateLock)
            {
                if (_closed)
                {
                    socket.Dispose();
                    return;
                }

                _socket = socket;
                _authentication = verdict;
                InstallConnection(socket);
            }

            try
            {
                int answered = await SendAuthenticationAsync(verdict, _password!, _commandEncoding.GetByteCount(_password!), CancellationToken.None).ConfigureAwait(false);
                if (answered == -1)
                {
                    // The password that worked is refused now: stop, never retry authentication.
                    Shutdown("the server refused the password on reconnection", new RconAuthenticationException(
                        RconAuthenticationFailure.WrongPassword,
                        $"{_display} refused the RCON password when reconnecting (it was accepted before: rcon_password may have changed). The client is closed; authentication is never retried automatically."));
                    return;
                }

                lock (_stateLock)
                {
                    _reconnecting = false;
                    _authentication = null;
                }

                TaskCompletionSource? reconnected = _reconnected;
                _reconnected = null;
                reconnected?.TrySetResult();
                if (_logger is not null)
                {
                    Log.Reconnected(_logger, _display, attempt);
                }

                Reconnected?.Invoke(this, EventArgs.Empty);
                return;
            }
            catch (Exception e) when (e is RconAuthenticationException or RconTimeoutException or RconConnectionException)
            {
                // Closed or silent during authentication: probably a ban. Authentication is never retried.
                Shutdown("authentication failed on reconnection", e is RconAuthenticationException ? e : AuthenticationClosedException("no verdict on reconnection", e));
                return;
            }
            finally
            {
                lock (_stateLock)
                {
                    _authentication = null;
                }
            }
        }

        Shutdown($"gave up reconnecting after {policy.MaxAttempts} attempts", new RconConnectionException(
            $"The connection to {_display} was lost and {policy.MaxAttempts} reconnection attempts failed (last: {lastError.Message}). The client is closed.",
            lastError));
    }

    /// <summary>While reconnecting, waits for it (or fails at once, by policy); a no-op otherwise.</summary>
    private async Task WaitForReconnectionAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? reconnected = _reconnecting ? _reconnected : null;
        if (reconnected is null)
        {
            return;
        }

        if (!_reconnect!.WaitWhileReconnecting)
        {
            throw new RconConnectionException($"The client is reconnecting to {_display}; the command was not sent. Set RconReconnectPolicy.WaitWhileReconnecting to wait instead.");
        }

        try
        {
            await (_commandTimeout == Timeout.InfiniteTimeSpan
                ? reconnected.Task.WaitAsync(cancellationToken)
                : reconnected.Task.WaitAsync(_commandTimeout, cancellationToken)).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new RconTimeoutException($"Still reconnecting to {_display} after {_commandTimeout.TotalSeconds:0.###} s; the command was not sent.", _commandTimeout, e);
        }
    }

    private void FailAll(Exception failure)
    {
        foreach (KeyValuePair<int, PendingCommand> entry in _pending)
        {
            entry.Value.Completion.TrySetException(failure);
        }
    }

    private int NextId()
    {
        // Ids are positive and unique for the connection's life (until 2^31 requests), so a late answer can never match a newer command.
        while (true)
        {
            int id = Interlocked.Increment(ref _lastId);
            if (id > 0)
            {
                return id;
            }

            Interlocked.CompareExchange(ref _lastId, 0, id);
        }
    }

    private static string CommandName(string command)
    {
        // Only the first word goes into messages: arguments may be secrets (sv_password, rcon_password).
        ReadOnlySpan<char> trimmed = command.AsSpan().TrimStart();
        int end = trimmed.IndexOfAny(' ', '\t', ';');
        return $"'{(end < 0 ? trimmed : trimmed[..end]).ToString()}'";
    }

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
        _ => e.Message,
    };

    private static string ValidateHost(string host)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return host;
    }

    private static int ValidatePort(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return port;
    }

    private static void ValidateTimeout(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
    }
}
