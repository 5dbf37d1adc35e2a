using System.Buffers;
using System.Threading.Tasks.Sources;
using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>
/// A command waiting for its answer, and the awaitable its caller waits on (no Task per command). Exactly one of the
/// read loop (the answer), the deadline timer, the caller's cancellation or the connection's end finishes it.
/// The read loop appends to the body; nothing else touches it.
/// </summary>
internal sealed class PendingCommand : IValueTaskSource<RconResponse>, IValueTaskSource<string>, IThreadPoolWorkItem
{
    /// <summary>The <see cref="EndMarkerId"/> of a command whose answer is a single packet. Request ids start at 1.</summary>
    public const int NoEndMarker = 0;

    private readonly int _maxResponseBytes;
    private ManualResetValueTaskSourceCore<RconResponse> _completion;
    private int _finished;
    private RconResponse? _staged;
    private CancellationTokenRegistration _cancellation;
    private RconConnection? _connection;
    private byte[] _body = [];
    private int _length;

    public PendingCommand(int id, int endMarkerId, string command, long deadline, int maxResponseBytes)
    {
        Id = id;
        EndMarkerId = endMarkerId;
        Command = command;
        Deadline = deadline;
        _maxResponseBytes = maxResponseBytes;
    }

    /// <summary>The command's request id: every packet of its answer carries it.</summary>
    public int Id { get; }

    /// <summary>The id of the empty packet sent after the command (mirror technique or probe), or <see cref="NoEndMarker"/>.</summary>
    public int EndMarkerId { get; }

    /// <summary>The command line (only its first word ever goes into a message).</summary>
    public string Command { get; }

    /// <summary>When the command times out, in <see cref="TimeProvider.GetTimestamp"/> units; <see cref="long.MaxValue"/> for never.</summary>
    public long Deadline { get; }

    /// <summary>Set by the read loop once the probe is queued (Minecraft).</summary>
    public bool ProbeSent { get; set; }

    /// <summary>Set by the read loop when the answer's packet stopped short of its size field and was taken as it was.</summary>
    public bool Truncated { get; set; }

    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    public ReadOnlyMemory<byte> Body => _body.AsMemory(0, _length);

    /// <summary>What the caller awaits.</summary>
    public ValueTask<RconResponse> Answer => new(this, _completion.Version);

    /// <summary>What a caller that wants only the text awaits (<see cref="RconClient.ExecuteAsync"/>): the same completion.</summary>
    public ValueTask<string> Text => new(this, _completion.Version);

    /// <summary>Whether a packet with this id ends the answer. Never true for id 0, which Palworld puts on every answer.</summary>
    public bool IsEndMarker(int id) => EndMarkerId != NoEndMarker && id == EndMarkerId;

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
    public bool TryStage(RconResponse response)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return false;
        }

        _staged = response;
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

    /// <summary>Claims the command for a failure that is reported later with <see cref="Fail"/>; false when something else finished it.</summary>
    public bool TryClaim() => Interlocked.Exchange(ref _finished, 1) == 0;

    /// <summary>Reports the failure of a command claimed with <see cref="TryClaim"/>.</summary>
    public void Fail(Exception failure)
    {
        _cancellation.Unregister();
        _completion.RunContinuationsAsynchronously = true;
        _completion.SetException(failure);
    }

    void IThreadPoolWorkItem.Execute() => Deliver();

    RconResponse IValueTaskSource<RconResponse>.GetResult(short token) => _completion.GetResult(token);

    /// <summary>The answer's text; an answer that is not valid in the encoding throws <see cref="RconEncodingException"/> here, as <see cref="RconResponse.Text"/> does.</summary>
    string IValueTaskSource<string>.GetResult(short token) => _completion.GetResult(token).Text;

    ValueTaskSourceStatus IValueTaskSource<string>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<string>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    ValueTaskSourceStatus IValueTaskSource<RconResponse>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<RconResponse>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);
}
