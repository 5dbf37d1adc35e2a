using System.Buffers;
using System.Threading.Tasks.Sources;
using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>
/// A command waiting for its answer, and the awaitable its caller waits on (no Task per command). Exactly one of the
/// read loop (the answer), the deadline timer, the caller's cancellation or the connection's end finishes it.
/// The read loop appends to the body; nothing else touches it.
/// </summary>
/// <remarks>
/// A command answered without failure is kept by the thread its caller read the result on, and is the next command that
/// thread starts (<see cref="Rent"/>): a caller awaiting in turn, or each of many pipelined callers as its answer is
/// delivered and it sends again, allocates none, and an idle connection holds none. Each use is a generation: the finished flag and the
/// generation are one word, so a timer or a closing table that still holds the previous use can never claim the next
/// (<see cref="TryClaim(int)"/>). A failed command is never reused.
/// </remarks>
internal sealed class PendingCommand : IValueTaskSource<RconResponse>, IValueTaskSource<string>, IThreadPoolWorkItem
{
    /// <summary>The <see cref="EndMarkerId"/> of a command whose answer is a single packet. Request ids start at 1.</summary>
    public const int NoEndMarker = 0;

    /// <summary>A body kept for the next use is at most this long; a longer one goes with the answer to the collector.</summary>
    private const int MaxKeptBody = 256;
    private const int Finished = 1;

    [ThreadStatic]
    private static PendingCommand? t_spare;

    private readonly bool _pooled;
    private int _maxResponseBytes;
    private ManualResetValueTaskSourceCore<RconResponse> _completion;
    // Bit 0: finished; the rest: the generation (one per use).
    private int _state;
    private bool _textOnly;
    private RconResponse? _staged;
    private System.Text.Encoding? _encoding;
    private RconDialect? _dialect;
    private CancellationTokenRegistration _cancellation;
    private RconConnection? _connection;
    private byte[] _body = [];
    private int _length;

    /// <summary>A command used once (tests, and commands that are not recycled).</summary>
    public PendingCommand(int id, int endMarkerId, string command, long deadline, int maxResponseBytes)
    {
        Initialize(id, endMarkerId, command, deadline, maxResponseBytes, textOnly: false);
    }

    private PendingCommand()
    {
        _pooled = true;
        Command = string.Empty;
    }

    /// <summary>The command's request id: every packet of its answer carries it.</summary>
    public int Id { get; private set; }

    /// <summary>The id of the empty packet sent after the command (mirror technique or probe), or <see cref="NoEndMarker"/>.</summary>
    public int EndMarkerId { get; private set; }

    /// <summary>The command line (only its first word ever goes into a message).</summary>
    public string Command { get; private set; }

    /// <summary>When the command times out, in <see cref="TimeProvider.GetTimestamp"/> units; <see cref="long.MaxValue"/> for never.</summary>
    public long Deadline { get; private set; }

    /// <summary>This use of the object; a holder of an older one must not act on it (<see cref="TryClaim(int)"/>).</summary>
    public int Generation => Volatile.Read(ref _state) >> 1;

    /// <summary>Set by the read loop once the probe is queued (Minecraft).</summary>
    public bool ProbeSent { get; set; }

    /// <summary>Set by the read loop when the answer's packet stopped short of its size field and was taken as it was.</summary>
    public bool Truncated { get; set; }

    public bool IsFinished => (Volatile.Read(ref _state) & Finished) != 0;

    public ReadOnlyMemory<byte> Body => _body.AsMemory(0, _length);

    /// <summary>What the caller awaits.</summary>
    public ValueTask<RconResponse> Answer => new(this, _completion.Version);

    /// <summary>What a caller that wants only the text awaits (<see cref="RconClient.ExecuteAsync"/>); set up with <c>textOnly</c>, no <see cref="RconResponse"/> is made.</summary>
    public ValueTask<string> Text => new(this, _completion.Version);

    /// <summary>A command to <see cref="Initialize"/>: the one this thread kept from its last answer, or a new one.</summary>
    public static PendingCommand Rent()
    {
        PendingCommand? spare = t_spare;
        if (spare is null)
        {
            return new PendingCommand();
        }

        t_spare = null;
        return spare;
    }

    /// <summary>Sets up a use (a new command, or a recycled one whose previous use is over).</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Command))]
    public void Initialize(int id, int endMarkerId, string command, long deadline, int maxResponseBytes, bool textOnly)
    {
        Id = id;
        EndMarkerId = endMarkerId;
        Command = command;
        Deadline = deadline;
        _maxResponseBytes = maxResponseBytes;
        _textOnly = textOnly;
    }

    /// <summary>Whether a packet with this id ends the answer. Never true for id 0, which Palworld puts on every answer.</summary>
    public bool IsEndMarker(int id) => EndMarkerId != NoEndMarker && id == EndMarkerId;

    /// <summary>Whether this is still the unfinished use <paramref name="generation"/>.</summary>
    public bool IsWaiting(int generation) => Volatile.Read(ref _state) == generation << 1;

    /// <summary>Appends one packet's body; false when the answer would grow past the limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAppend(in ReadOnlySequence<byte> chunk)
    {
        long needed = _length + chunk.Length;
        if (needed > _maxResponseBytes)
        {
            return false;
        }

        if (needed > _body.Length)
        {
            // The first packet is stored exactly; later ones grow the buffer geometrically.
            int capacity = _body.Length == 0 ? (int)needed : (int)Math.Min(_maxResponseBytes, Math.Max(needed, (long)_body.Length * 2));
            Array.Resize(ref _body, capacity);
        }

        chunk.CopyTo(_body.AsSpan(_length));
        _length = (int)needed;
        return true;
    }

    /// <summary>Cancels the command through its connection when the caller's token fires.</summary>
    public void CancelWith(RconConnection connection, CancellationToken cancellationToken)
    {
        _connection = connection;
        _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((PendingCommand)state!)._connection!.OnCancelled((PendingCommand)state, token), this);
    }

    /// <summary>
    /// Claims the command for its answer; <see cref="Deliver"/> hands the answer over later (off the read loop).
    /// False when a timeout, a cancellation or the connection's end got there first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryStage(System.Text.Encoding encoding, RconDialect dialect)
    {
        if (!TryClaim())
        {
            return false;
        }

        if (_textOnly)
        {
            // Decoded by the caller's GetResult, straight from the body.
            _encoding = encoding;
            _dialect = dialect;
        }
        else
        {
            _staged = new RconResponse(Id, Body, encoding, dialect, Truncated);
        }

        return true;
    }

    /// <summary>Hands over a staged answer; the caller's continuation runs inline, on this thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Deliver()
    {
        _cancellation.Unregister();
        _completion.RunContinuationsAsynchronously = false;
        _completion.SetResult(_staged!);
    }

    /// <summary>Fails the command unless it already finished; the caller's continuation never runs on this thread.</summary>
    public bool TryFail(Exception failure)
    {
        if (!TryClaim())
        {
            return false;
        }

        Fail(failure);
        return true;
    }

    /// <summary>Fails use <paramref name="generation"/> only (a holder of a list taken earlier); false when it finished or moved on.</summary>
    public bool TryFail(Exception failure, int generation)
    {
        if (!TryClaim(generation))
        {
            return false;
        }

        Fail(failure);
        return true;
    }

    /// <summary>Claims the command (its current use) for a failure reported later with <see cref="Fail"/>; false when something else finished it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryClaim()
    {
        int state = Volatile.Read(ref _state);
        return (state & Finished) == 0 && Interlocked.CompareExchange(ref _state, state | Finished, state) == state;
    }

    /// <summary>Claims use <paramref name="generation"/> only: false when it finished, or the object has moved on to a later command.</summary>
    public bool TryClaim(int generation) =>
        Interlocked.CompareExchange(ref _state, (generation << 1) | Finished, generation << 1) == generation << 1;

    /// <summary>Reports the failure of a command claimed with <see cref="TryClaim()"/>.</summary>
    public void Fail(Exception failure)
    {
        _cancellation.Unregister();
        _completion.RunContinuationsAsynchronously = true;
        _completion.SetException(failure);
    }

    void IThreadPoolWorkItem.Execute() => Deliver();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    RconResponse IValueTaskSource<RconResponse>.GetResult(short token)
    {
        RconResponse response = _completion.GetResult(token);
        _body = []; // the answer's now
        Recycle();
        return response;
    }

    /// <summary>The answer's text; an answer that is not valid in the encoding throws <see cref="RconEncodingException"/> here, as <see cref="RconResponse.Text"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    string IValueTaskSource<string>.GetResult(short token)
    {
        RconResponse? response = _completion.GetResult(token);
        if (response is not null)
        {
            return response.Text; // set up for an RconResponse (and so never recycled through here)
        }

        try
        {
            return RconResponse.Decode(Id, Body.Span, _encoding!, _dialect, Truncated);
        }
        finally
        {
            if (_body.Length > MaxKeptBody)
            {
                _body = [];
            }

            Recycle();
        }
    }

    ValueTaskSourceStatus IValueTaskSource<string>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<string>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    ValueTaskSourceStatus IValueTaskSource<RconResponse>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<RconResponse>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    /// <summary>
    /// After a caller read its answer: clears this use, starts the next generation (unfinished) and stays with this thread
    /// for its next command. Only a successful answer gets here, so the table and the timer no longer hold this use; a cancellation
    /// callback that is running is waited for, and none can start.
    /// </summary>
    private void Recycle()
    {
        if (!_pooled)
        {
            return;
        }

        _cancellation.Dispose();
        _cancellation = default;
        _connection = null;
        _staged = null;
        _encoding = null;
        _dialect = null;
        _length = 0;
        ProbeSent = false;
        Truncated = false;
        Command = string.Empty;
        _completion.Reset();
        Volatile.Write(ref _state, ((_state >> 1) + 1 & (int.MaxValue >> 1)) << 1);
        t_spare = this;
    }
}
