using System.Diagnostics;
using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using RconTyped.Logging;
using RconTyped.Protocol;
using RconTyped.Schema;

namespace RconTyped;

/// <summary>
/// A connection to one RCON server. Connect, authenticate, then run commands; any number of tasks may
/// run commands at once on one client: requests are pipelined and every answer is routed by its id.
/// </summary>
/// <remarks>
/// A client connects once. After the connection is lost or closed, create a new client (or set
/// <see cref="RconClientOptions.Reconnect"/>). Nothing the client logs, prints or throws contains the password.
/// The work is done by an internal <see cref="RconConnection"/> per transport; this class keeps the state.
/// </remarks>
public sealed class RconClient : IAsyncDisposable, IDisposable, IConnectionOwner, IReconnectable
{
    private readonly ClientSettings _settings;
    private readonly ReconnectionSupervisor? _supervisor;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly object _stateLock = new();
    private volatile RconClientState _state;
    private volatile RconConnection? _connection;
    private KeyValuePair<string, object?>[]? _serverTags;

    /// <summary><c>server.address</c> and <c>server.port</c> for telemetry, made on first use.</summary>
    private KeyValuePair<string, object?>[] ServerTags => _serverTags ??= RconTelemetry.ServerTags(_settings.EndPoint);
    private RconDialect _dialect;
    private string? _password;
    private bool _authenticating;
    private bool _disposed;
    private Closure? _closure;
    private Task? _firstConnection;

    /// <summary>Creates a client for a host name or IP address. Nothing is sent until <see cref="ConnectAsync"/>.</summary>
    /// <param name="host">The server's host name or IP address.</param>
    /// <param name="port">The RCON port; srcds uses its game port, 27015 by default.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public RconClient(string host, int port = 27015, RconClientOptions? options = null)
        : this(RconAddress.ToEndPoint(ValidateHost(host), ValidatePort(port)), options)
    {
    }

    /// <summary>Creates a client for an endpoint (<see cref="IPEndPoint"/> or <see cref="DnsEndPoint"/>).</summary>
    /// <param name="endPoint">The server's RCON endpoint (passed to <see cref="RconClientOptions.ConnectionFactory"/> when one is set).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public RconClient(EndPoint endPoint, RconClientOptions? options = null)
    {
        _settings = ClientSettings.Create(endPoint, options);
        _dialect = _settings.InitialDialect;
        if (_settings.Reconnect is { } policy)
        {
            _supervisor = new ReconnectionSupervisor(this, _settings, policy);
        }
    }

    /// <summary>
    /// Raised (on the reader's thread) for packets that are not answers: types other than RESPONSE_VALUE and
    /// AUTH_RESPONSE, such as Squad's chat messages. They are never mixed into an answer. A handler that throws is
    /// logged and does not affect the connection.
    /// </summary>
    public event EventHandler<RconUnsolicitedPacketEventArgs>? UnsolicitedPacket;

    /// <summary>Raised before each reconnection attempt (with <see cref="RconClientOptions.Reconnect"/>). A handler that throws is logged.</summary>
    public event EventHandler<RconReconnectEventArgs>? Reconnecting;

    /// <summary>Raised when a reconnection succeeded and the client is authenticated again. A handler that throws is logged.</summary>
    public event EventHandler? Reconnected;

    /// <summary>The server's endpoint.</summary>
    public EndPoint EndPoint => _settings.EndPoint;

    /// <summary>
    /// Our end of the current TCP connection: the address the server sees us from (what <c>StartLogStreamAsync</c> gives
    /// the server). Null when not connected, or over a stream from <see cref="RconClientOptions.ConnectionFactory"/>.
    /// </summary>
    public EndPoint? LocalEndPoint
    {
        get
        {
            try
            {
                return _connection?.LocalEndPoint;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }

    /// <summary>Where the client is in its life (for the fleet, which keeps a client that is reconnecting).</summary>
    internal RconClientState State => _state;

    /// <summary>True after <see cref="ConnectAsync"/> succeeded and until the connection is closed or lost.</summary>
    public bool IsConnected => _state is RconClientState.Connected or RconClientState.Authenticated;

    /// <summary>True after <see cref="AuthenticateAsync"/> succeeded and until the connection is closed or lost.</summary>
    public bool IsAuthenticated => _state == RconClientState.Authenticated;

    /// <summary>True once the connection was closed by <see cref="Close"/>, by the server, or by a protocol error.</summary>
    public bool IsClosed => _state == RconClientState.Closed;

    /// <summary>
    /// The dialect in use. With <see cref="RconDialect.Auto"/> this becomes <see cref="RconDialect.Source"/>
    /// or <see cref="RconDialect.Cs2"/> once authentication shows which server this is.
    /// </summary>
    public RconDialect Dialect => _dialect;

    string? IReconnectable.Password => _password;

    /// <summary>Opens the connection: TCP, or the stream <see cref="RconClientOptions.ConnectionFactory"/> returns.</summary>
    /// <exception cref="RconConnectionException">The server cannot be reached, refused the connection, or did not answer within <see cref="RconClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is already connected.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (_stateLock)
        {
            ThrowIfUnusable();
            if (_state != RconClientState.Created)
            {
                throw RconErrors.AlreadyConnected();
            }

            _state = RconClientState.Connecting;
        }

        Stream stream;
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
            stream = await Transport.OpenAsync(_settings, connecting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            CloseFor("connect cancelled", e);
            throw;
        }
        catch (RconConnectionException e)
        {
            CloseFor("connect failed", e);
            throw;
        }

        if (Install(stream) is null)
        {
            throw ClosedException();
        }

        if (_settings.Logger is not null)
        {
            Log.Connected(_settings.Logger, _settings.Display);
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
        RconConnection connection;
        lock (_stateLock)
        {
            if (_state == RconClientState.Closed && !_disposed && _closure is { WhileAuthenticated: false, AfterConnecting: true } closure)
            {
                // A banned address is dropped right after connecting, possibly before this call.
                throw RconErrors.AuthenticationClosed(_settings.Display, closure.Reason, closure.Failure);
            }

            ThrowIfUnusable();
            if (_connection is null || _state is RconClientState.Created or RconClientState.Connecting)
            {
                throw RconErrors.NotConnected();
            }

            if (_authenticating || _state == RconClientState.Reconnecting)
            {
                throw RconErrors.AuthenticationRunning();
            }

            _authenticating = true;
            connection = _connection;
        }

        try
        {
            if (await connection.AuthenticateAsync(password, byteCount, cancellationToken).ConfigureAwait(false) == -1)
            {
                throw RconErrors.WrongPassword(_settings.Display);
            }

            RconDialect dialect = connection.MarkAuthenticated();
            lock (_stateLock)
            {
                if (ReferenceEquals(connection, _connection) && _state == RconClientState.Connected)
                {
                    _state = RconClientState.Authenticated;
                    _dialect = dialect;
                    _password = _supervisor is null ? null : password; // kept in memory only, to authenticate again after a reconnection
                }
            }

            if (_settings.Logger is not null)
            {
                Log.Authenticated(_settings.Logger, _settings.Display, dialect.Name);
            }
        }
        finally
        {
            lock (_stateLock)
            {
                _authenticating = false;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Task<string> ExecuteAsync(string command, CancellationToken cancellationToken = default)
    {
        // The common case (authenticated, nothing listening to telemetry, a dialect that pipelines) awaits the command's own
        // text source: no async state machine of ours, whose code would run at tier 0 until tiering reached it.
        if (!RconTelemetry.CommandsObserved && ReadyConnection is { CanExecuteText: true } connection && command is not null)
        {
            try
            {
                int byteCount = MeasureBody(command, nameof(command), isPassword: false);
                return connection.ExecuteText(command, byteCount, cancellationToken).AsTask();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<string>(cancellationToken);
            }
            catch (Exception e)
            {
                // As the async form would: a failure is in the task, never thrown by the call.
                return Task.FromException<string>(e);
            }
        }

        return ExecuteTextAsync(command!, cancellationToken);
    }

    /// <summary>Every other case: the response, then its text.</summary>
    private async Task<string> ExecuteTextAsync(string command, CancellationToken cancellationToken)
    {
        RconResponse response = await ExecuteCoreAsync(command, cancellationToken).ConfigureAwait(false);
        return response.Text;
    }

    /// <summary>Runs a console command and returns its whole answer: the body bytes, exactly as received, and their text.</summary>
    /// <inheritdoc cref="ExecuteAsync" path="/param"/>
    /// <inheritdoc cref="ExecuteAsync" path="/exception"/>
    public async Task<RconResponse> ExecuteRawAsync(string command, CancellationToken cancellationToken = default) =>
        await ExecuteCoreAsync(command, cancellationToken).ConfigureAwait(false);

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
        RconConnection connection = await ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(command, byteCount, cancellationToken).ConfigureAwait(false);
        RconTelemetry.BytesSent.Add(byteCount + RconCodec.Overhead, ServerTags);
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

        CloseFor("closed by the caller", RconErrors.ClosedByCaller(_settings.Display));
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <summary>Closes the connection and waits for the reader to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        Close();
        if (_connection is { } connection)
        {
            await connection.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>The endpoint and state, for logs. Never the password.</summary>
    public override string ToString() =>
        $"RconClient({_settings.Display}, {(IsAuthenticated ? "authenticated" : IsConnected ? "connected" : IsClosed ? "closed" : "not connected")}, dialect {_dialect.Name})";

    void IConnectionOwner.OnUnsolicitedPacket(int id, RconPacketType type, in ReadOnlySequence<byte> body)
    {
        if (UnsolicitedPacket is { } handlers)
        {
            byte[] bytes = body.ToArray();
            var args = new RconUnsolicitedPacketEventArgs(id, type, bytes, _settings.LenientEncoding.GetString(bytes));
            UserCallbacks.Raise(handlers, this, args, nameof(UnsolicitedPacket), _settings.Logger);
        }
    }

    void IConnectionOwner.OnAuthenticationRevoked(RconConnection connection)
    {
        lock (_stateLock)
        {
            if (ReferenceEquals(connection, _connection) && _state == RconClientState.Authenticated)
            {
                _state = RconClientState.Connected;
            }
        }
    }

    void IConnectionOwner.OnEnded(RconConnection connection, string reason, Exception failure)
    {
        RconTelemetry.Connections.Add(-1, ServerTags);
        lock (_stateLock)
        {
            if (!ReferenceEquals(connection, _connection) || _state == RconClientState.Closed)
            {
                return; // a connection already replaced, or a client already closed
            }

            // A protocol error means the server cannot be trusted: close rather than reconnect.
            if (_supervisor is not null && _password is not null && !_disposed && _state == RconClientState.Authenticated && failure is not RconProtocolException)
            {
                _state = RconClientState.Reconnecting;
                _supervisor.Start(failure);
                return;
            }
        }

        CloseFor(reason, failure);
    }

    RconConnection? IReconnectable.Install(Stream stream) => Install(stream);

    void IReconnectable.OnReconnected(RconConnection connection, RconDialect dialect)
    {
        lock (_stateLock)
        {
            if (ReferenceEquals(connection, _connection) && _state == RconClientState.Reconnecting)
            {
                _state = RconClientState.Authenticated;
                _dialect = dialect;
                RconTelemetry.Reconnects.Add(1, ServerTags);
            }
        }
    }

    void IReconnectable.Close(string reason, Exception failure) => CloseFor(reason, failure);

    void IReconnectable.RaiseReconnecting(RconReconnectEventArgs args) =>
        UserCallbacks.Raise(Reconnecting, this, args, nameof(Reconnecting), _settings.Logger);

    void IReconnectable.RaiseReconnected() => UserCallbacks.Raise(Reconnected, this, nameof(Reconnected), _settings.Logger);

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

    /// <summary>Makes a connection over <paramref name="stream"/> the current one and starts it; null (stream disposed) once closed.</summary>
    private RconConnection? Install(Stream stream)
    {
        var connection = new RconConnection(stream, _settings, _dialect, this);
        lock (_stateLock)
        {
            if (_state == RconClientState.Closed)
            {
                stream.Dispose();
                return null;
            }

            _connection = connection;
            RconTelemetry.Connections.Add(1, ServerTags);
            if (_state == RconClientState.Connecting)
            {
                _state = RconClientState.Connected;
            }
        }

        connection.Start();
        return connection;
    }

    /// <summary>The connection commands can go to at once: authenticated, not reconnecting; null otherwise (wait, or say why).</summary>
    private RconConnection? ReadyConnection => _state == RconClientState.Authenticated ? _connection : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ValueTask<RconResponse> ExecuteCoreAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        int byteCount = MeasureBody(command, nameof(command), isPassword: false);
        if (RconTelemetry.CommandsObserved)
        {
            return ExecuteObservedAsync(command, byteCount, cancellationToken);
        }

        return ReadyConnection is { } connection
            ? connection.ExecuteAsync(command, byteCount, cancellationToken)
            : ExecuteWhenReadyAsync(command, byteCount, cancellationToken);
    }

    /// <summary>A command with its span and metrics: taken only while something listens (see <see cref="RconTelemetry"/>).</summary>
    private async ValueTask<RconResponse> ExecuteObservedAsync(string command, int byteCount, CancellationToken cancellationToken)
    {
        string name = RconTelemetry.CommandName(command);
        KeyValuePair<string, object?>[] server = ServerTags;
        using Activity? activity = RconTelemetry.Source.StartActivity("RCON " + name, ActivityKind.Client);
        if (activity is not null)
        {
            foreach (KeyValuePair<string, object?> tag in server)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag("rcon.command.name", name);
            activity.SetTag("rcon.bytes.sent", byteCount + RconCodec.Overhead);
        }

        long start = Stopwatch.GetTimestamp();
        string outcome = "ok";
        string? errorType = null;
        RconTelemetry.ActiveCommands.Add(1, server);
        try
        {
            RconResponse response = ReadyConnection is { } connection
                ? await connection.ExecuteAsync(command, byteCount, cancellationToken).ConfigureAwait(false)
                : await ExecuteWhenReadyAsync(command, byteCount, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("rcon.request.id", response.Id);
            activity?.SetTag("rcon.bytes.received", response.Body.Length);
            RconTelemetry.BytesReceived.Add(response.Body.Length, server);
            return response;
        }
        catch (Exception e)
        {
            outcome = RconTelemetry.Outcome(e);
            errorType = e.GetType().FullName;
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            activity?.SetTag("error.type", errorType);
            if (e is RconTimeoutException)
            {
                RconTelemetry.Timeouts.Add(1, server);
            }

            throw;
        }
        finally
        {
            RconTelemetry.ActiveCommands.Add(-1, server);
            RconTelemetry.BytesSent.Add(byteCount + RconCodec.Overhead, server);
            activity?.SetTag("rcon.outcome", outcome);
            var tags = new TagList(server) { { "rcon.command.name", name }, { "rcon.outcome", outcome } };
            if (errorType is not null)
            {
                // OpenTelemetry's conventions put the failure's class on the duration of a failed operation.
                tags.Add("error.type", errorType);
            }

            RconTelemetry.CommandDuration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        }
    }

    private async ValueTask<RconResponse> ExecuteWhenReadyAsync(string command, int byteCount, CancellationToken cancellationToken)
    {
        RconConnection connection = await ReadyConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(command, byteCount, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets commands sent before <paramref name="connectAndAuthenticate"/> ends wait for it (up to the command timeout)
    /// instead of failing as not connected: for a client handed out while its shared slot still connects it.
    /// </summary>
    internal void WaitForFirstConnection(Task connectAndAuthenticate) => _firstConnection = connectAndAuthenticate;

    /// <summary>The authenticated connection, after waiting out a first connection or a reconnection; otherwise the error that says why there is none.</summary>
    private async ValueTask<RconConnection> ReadyConnectionAsync(CancellationToken cancellationToken)
    {
        // Until it succeeds the first connection decides: a command waits for it, and fails with its error (say, a wrong
        // password) rather than with "closed" once the failed attempt has disposed the client.
        if (_firstConnection is { IsCompletedSuccessfully: false } first && _state is not (RconClientState.Authenticated or RconClientState.Reconnecting))
        {
            try
            {
                await (_settings.CommandTimeout == Timeout.InfiniteTimeSpan
                    ? first.WaitAsync(cancellationToken)
                    : first.WaitAsync(_settings.CommandTimeout, _settings.Time, cancellationToken)).ConfigureAwait(false);
            }
            catch (TimeoutException e)
            {
                throw RconErrors.StillConnecting(_settings.Display, _settings.CommandTimeout, e);
            }
        }

        if (_state == RconClientState.Reconnecting && _supervisor is not null)
        {
            await _supervisor.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_stateLock)
        {
            ThrowIfUnusable();
            if (_connection is null || _state is RconClientState.Created or RconClientState.Connecting)
            {
                throw RconErrors.NotConnectedForCommands();
            }

            if (_state != RconClientState.Authenticated)
            {
                throw RconErrors.NotAuthenticated();
            }

            return _connection;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int MeasureBody(string body, string parameterName, bool isPassword)
    {
        if (body.Contains('\0', StringComparison.Ordinal))
        {
            throw RconErrors.NulInBody(isPassword, parameterName);
        }

        int byteCount;
        try
        {
            byteCount = _settings.CommandEncoding.GetByteCount(body);
        }
        catch (System.Text.EncoderFallbackException e)
        {
            throw RconErrors.CannotEncode(isPassword, _settings.CommandEncoding.WebName, parameterName, e);
        }

        RconDialect dialect = _dialect;
        if (byteCount > dialect.MaxCommandBytes)
        {
            throw RconErrors.TooLong(isPassword, body, byteCount, dialect, parameterName);
        }

        return byteCount;
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_state == RconClientState.Closed)
        {
            throw ClosedException();
        }
    }

    private RconConnectionException ClosedException() =>
        RconErrors.ConnectionClosed(_settings.Display, _closure?.Reason ?? "closed", _closure?.Failure);

    /// <summary>Closes the client for good, once: the current connection (if any) ends with this reason, reconnection stops.</summary>
    private void CloseFor(string reason, Exception failure)
    {
        RconConnection? connection;
        lock (_stateLock)
        {
            if (_state == RconClientState.Closed)
            {
                return;
            }

            _closure = new Closure(reason, failure, WhileAuthenticated: _state is RconClientState.Authenticated or RconClientState.Reconnecting, AfterConnecting: _connection is not null);
            _state = RconClientState.Closed;
            connection = _connection;
        }

        _lifetime.Cancel();
        _supervisor?.Stop(failure);
        connection?.Abort(reason, failure);
    }

    /// <summary>Why the client closed: set once, with the state it closed from.</summary>
    private sealed record Closure(string Reason, Exception Failure, bool WhileAuthenticated, bool AfterConnecting);
}
