using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using RconTyped.Logging;
using RconTyped.Protocol;

namespace RconTyped;

/// <summary>
/// One transport to one server: the writer, the table of commands waiting for answers, and the read loop that routes
/// every packet (<c>RconConnection.Read.cs</c>). It never reconnects; when it ends, it ends once, tells its owner why,
/// and fails every command still waiting. The dialect's rules come from its <see cref="AnswerEnd"/>.
/// </summary>
internal sealed partial class RconConnection
{
    private const int NoEndMarker = PendingCommand.NoEndMarker;

    /// <summary>
    /// Zero-byte reads: an idle connection waits for data without holding a buffer; one is rented from the shared pool
    /// when bytes arrive and returned once they are consumed.
    /// </summary>
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 16 * 1024, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true);

    private readonly ClientSettings _settings;
    private readonly IConnectionOwner _owner;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly PacketWriter _writer;
    private readonly PendingCommands _pending;
    // Set before the first command (at authentication) and read by the read loop afterwards.
    private volatile RconDialect _dialect;
    private volatile AnswerEnd _answerEnd;
    private volatile SemaphoreSlim? _inFlightLimit;
    private TaskCompletionSource<int>? _authentication;
    private bool _sawResponseBeforeAuthentication;
    private volatile bool _authenticated;
    private int _lastId;
    private Ending? _abort;
    private Task _readLoop = Task.CompletedTask;

    public RconConnection(Stream stream, ClientSettings settings, RconDialect dialect, IConnectionOwner owner)
    {
        _stream = stream;
        _settings = settings;
        _owner = owner;
        _reader = PipeReader.Create(stream, ReaderOptions);
        _writer = new PacketWriter(stream, error => Abort($"sending failed: {error.Message}", RconErrors.ConnectionClosed(settings.Display, $"sending failed: {error.Message}", error)));
        _pending = new PendingCommands(settings.Time, settings.CommandTimeout, OnExpired);
        UseDialect(dialect);
    }

    /// <summary>The dialect in use; <see cref="RconDialect.Auto"/> becomes Source or CS2 at <see cref="MarkAuthenticated"/>.</summary>
    public RconDialect Dialect => _dialect;

    /// <summary>Our end of a TCP connection (the address the server sees); null over a stream from a connection factory.</summary>
    public System.Net.EndPoint? LocalEndPoint => _stream is System.Net.Sockets.NetworkStream network ? network.Socket.LocalEndPoint : null;

    /// <summary>The read loop: completes once the connection has ended and its owner was told.</summary>
    public Task Completion => _readLoop;

    /// <summary>Starts reading (the loop runs here until its first read waits for bytes).</summary>
    public void Start() => _readLoop = ReadLoopAsync();

    /// <summary>Sends the password and waits for the verdict: the id the server answered (-1 for a wrong password).</summary>
    /// <exception cref="RconAuthenticationException">The connection ended before a verdict came (a ban, usually).</exception>
    /// <exception cref="RconTimeoutException">No verdict within the command timeout.</exception>
    public async Task<int> AuthenticateAsync(string password, int byteCount, CancellationToken cancellationToken)
    {
        var verdict = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _sawResponseBeforeAuthentication = false;
        Interlocked.Exchange(ref _authentication, verdict); // a full fence: Finish either sees this verdict or this method sees Finish's _abort
        try
        {
            if (Volatile.Read(ref _abort) is { } ended)
            {
                throw RconErrors.AuthenticationClosed(_settings.Display, ended.Reason, ended.Failure);
            }

            cancellationToken.ThrowIfCancellationRequested();
            int id = NextId();
            // If the write side has failed, the connection is ending: Finish fails the verdict with the reason.
            Write(id, RconPacketType.Auth, password, byteCount, NoEndMarker);

            try
            {
                return _settings.CommandTimeout == Timeout.InfiniteTimeSpan
                    ? await verdict.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
                    : await verdict.Task.WaitAsync(_settings.CommandTimeout, _settings.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw RconErrors.CommandTimedOut(_settings.Display, "authentication", id, _settings.CommandTimeout, _dialect, connectionDropped: false, sawIdZeroAnswers: false);
            }
        }
        finally
        {
            Volatile.Write(ref _authentication, null);
        }
    }

    /// <summary>Authentication succeeded: from now on commands run, under the dialect it showed.</summary>
    public RconDialect MarkAuthenticated()
    {
        RconDialect shown = _answerEnd.AfterAuthentication(_dialect, _sawResponseBeforeAuthentication);
        if (!ReferenceEquals(shown, _dialect))
        {
            UseDialect(shown);
        }

        _authenticated = true;
        return _dialect;
    }

    /// <summary>Runs a command: registers it, writes it (with its end marker), and returns what its caller awaits.</summary>
    public ValueTask<RconResponse> ExecuteAsync(string command, int byteCount, CancellationToken cancellationToken) =>
        _inFlightLimit is null ? Start(command, byteCount, textOnly: false, cancellationToken).Answer : ExecuteLimitedAsync(command, byteCount, cancellationToken);

    /// <summary>Whether <see cref="ExecuteText"/> may be used: the dialect pipelines (no in-flight limit to wait on).</summary>
    public bool CanExecuteText => _inFlightLimit is null;

    /// <summary>Runs a command and returns what awaits its answer's text (only where <see cref="CanExecuteText"/>).</summary>
    public ValueTask<string> ExecuteText(string command, int byteCount, CancellationToken cancellationToken) =>
        Start(command, byteCount, textOnly: true, cancellationToken).Text;

    /// <summary>Writes a command without waiting for an answer; where the dialect runs one command at a time, waits for it.</summary>
    public async Task SendAsync(string command, int byteCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_inFlightLimit is not null)
        {
            // A game that cannot pipeline must not see another packet before it answered this one.
            await ExecuteLimitedAsync(command, byteCount, cancellationToken).ConfigureAwait(false);
            return;
        }

        int id = NextId();
        await WriteAndWaitAsync(id, command, byteCount).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the connection for <paramref name="reason"/>, now: every waiting command fails with <paramref name="failure"/>
    /// and the owner hears of it before this returns; the read loop stops at its next wake-up.
    /// </summary>
    public void Abort(string reason, Exception failure)
    {
        if (Interlocked.CompareExchange(ref _abort, new Ending(reason, failure), null) is not null)
        {
            return;
        }

        try
        {
            _reader.CancelPendingRead();
        }
        catch (InvalidOperationException)
        {
            // The reader already completed: the loop has ended.
        }

        try
        {
            _stream.Dispose();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or NotSupportedException)
        {
            // A transport (perhaps the caller's own stream) that fails to close is closed as far as this connection is concerned.
        }

        Finish(reason, failure);
    }

    private async ValueTask<RconResponse> ExecuteLimitedAsync(string command, int byteCount, CancellationToken cancellationToken)
    {
        await _inFlightLimit!.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Start(command, byteCount, textOnly: false, cancellationToken).Answer.ConfigureAwait(false);
        }
        finally
        {
            _inFlightLimit.Release();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PendingCommand Start(string command, int byteCount, bool textOnly, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AnswerEnd answerEnd = _answerEnd;
        int id = NextId();
        PendingCommand pending = PendingCommand.Rent();
        pending.Initialize(id, answerEnd.UsesEndMarker ? NextId() : NoEndMarker, command, _pending.NextDeadline(), _settings.MaxResponseBytes, textOnly);
        if (!_pending.TryAdd(pending))
        {
            pending.TryFail(ClosedFailure());
            return pending;
        }

        if (cancellationToken.CanBeCanceled)
        {
            pending.CancelWith(this, cancellationToken);
        }

        // A failed write ends the connection, which fails this command with the reason.
        Write(id, RconPacketType.ExecCommand, command, byteCount, answerEnd.SendsMarkerWithCommand ? pending.EndMarkerId : NoEndMarker);
        return pending;
    }

    private void OnExpired(PendingCommand pending, int generation)
    {
        if (pending.TryClaim(generation))
        {
            Abandon(pending, RconErrors.CommandTimedOut(
                _settings.Display,
                RconErrors.CommandName(pending.Command),
                pending.Id,
                _settings.CommandTimeout,
                _dialect,
                connectionDropped: _answerEnd.AbandonedCommandBreaksStream,
                sawIdZeroAnswers: _sawIdZeroAnswers && !_answerEnd.AbandonedCommandBreaksStream));
        }
    }

    /// <summary>The caller's token fired before the answer came (a registration lives no longer than its command's use).</summary>
    public void OnCancelled(PendingCommand pending, CancellationToken token)
    {
        if (pending.TryClaim())
        {
            Abandon(pending, new OperationCanceledException(token));
        }
    }

    /// <summary>A command claimed for giving up (caller or deadline); its late answer is discarded, or, without ids, the connection drops.</summary>
    private void Abandon(PendingCommand pending, Exception failure)
    {
        if (failure is RconTimeoutException && _settings.Logger is not null)
        {
            Log.CommandTimedOut(_settings.Logger, pending.Id, _settings.CommandTimeout);
        }

        _pending.Remove(pending);
        if (_answerEnd.AbandonedCommandBreaksStream)
        {
            // Dropped before the caller hears of it, so the client's state already says so.
            Abort(RconErrors.AbandonedWithoutIdsReason(pending.Id, _dialect), RconErrors.AbandonedWithoutIds(_settings.Display, _dialect));
        }

        pending.Fail(failure);
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_dialect), nameof(_answerEnd))]
    private void UseDialect(RconDialect dialect)
    {
        _dialect = dialect;
        _answerEnd = AnswerEnd.For(dialect);
        _inFlightLimit = dialect.MaxCommandsInFlight == int.MaxValue ? null : new SemaphoreSlim(dialect.MaxCommandsInFlight, dialect.MaxCommandsInFlight);
    }

    private Exception ClosedFailure() => Volatile.Read(ref _abort) is { } ended
        ? ended.Failure
        : RconErrors.ConnectionClosed(_settings.Display, "closed", null);

    /// <summary>Encodes a packet (and the end marker, when given) and queues them as one write; false when the write side has failed.</summary>
    private bool Write(int id, RconPacketType type, string body, int bodyByteCount, int endMarkerId) =>
        Queue(id, type, body, bodyByteCount, endMarkerId, waitUntilWritten: false, out _);

    /// <summary>Encodes a command and queues it; the task completes once it is written (and fails if the write does).</summary>
    private Task WriteAndWaitAsync(int id, string body, int bodyByteCount)
    {
        Queue(id, RconPacketType.ExecCommand, body, bodyByteCount, NoEndMarker, waitUntilWritten: true, out Task? written);
        return written!;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Queue(int id, RconPacketType type, string body, int bodyByteCount, int endMarkerId, bool waitUntilWritten, out Task? written)
    {
        int length = RconCodec.GetPacketLength(bodyByteCount);
        int total = endMarkerId == NoEndMarker ? length : length + RconCodec.Overhead;
        byte[]? rented = null;
        Span<byte> buffer = total <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            RconCodec.Encode(buffer, id, type, body.AsSpan(), _settings.CommandEncoding, bodyByteCount);
            if (endMarkerId != NoEndMarker)
            {
                RconCodec.Encode(buffer[length..], endMarkerId, RconPacketType.ResponseValue, ReadOnlySpan<byte>.Empty);
            }

            written = waitUntilWritten ? _writer.EnqueueAndWaitAsync(buffer[..total]) : null;
            bool queued = waitUntilWritten ? !written!.IsFaulted : _writer.Enqueue(buffer[..total]);
            if (queued && _settings.IsTraceEnabled)
            {
                Log.PacketSent(_settings.Logger!, id, type, length, type == RconPacketType.Auth ? "(password not logged)" : body);
                if (endMarkerId != NoEndMarker)
                {
                    Log.PacketSent(_settings.Logger!, endMarkerId, RconPacketType.ResponseValue, RconCodec.Overhead, string.Empty);
                }
            }

            return queued;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>Why the connection ended (or is being ended), set once.</summary>
    private sealed record Ending(string Reason, Exception Failure);
}
