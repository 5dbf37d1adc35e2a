using System.Buffers;

namespace RconTyped;

/// <summary>
/// A command waiting for its answer. Only the read loop appends to it; the caller only awaits <see cref="Completion"/>.
/// </summary>
internal sealed class PendingCommand
{
    private readonly int _maxResponseBytes;
    private byte[] _body = [];
    private int _length;

    public PendingCommand(int id, int endMarkerId, int maxResponseBytes)
    {
        Id = id;
        EndMarkerId = endMarkerId;
        _maxResponseBytes = maxResponseBytes;
    }

    /// <summary>The command's request id: every packet of its answer carries it.</summary>
    public int Id { get; }

    /// <summary>The <see cref="EndMarkerId"/> of a command whose answer is a single packet. Request ids start at 1.</summary>
    public const int NoEndMarker = 0;

    /// <summary>The id of the empty packet sent after the command (mirror technique or probe), or <see cref="NoEndMarker"/>.</summary>
    public int EndMarkerId { get; }

    /// <summary>Whether a packet with this id ends the answer. Never true for id 0, which Palworld puts on every answer.</summary>
    public bool IsEndMarker(int id) => EndMarkerId != NoEndMarker && id == EndMarkerId;

    /// <summary>True when the end marker is a probe sent once the first packet of the answer arrives (Minecraft).</summary>
    public bool ProbeAfterFirstPacket { get; init; }

    /// <summary>Set by the read loop once the probe is queued.</summary>
    public bool ProbeSent { get; set; }

    /// <summary>Set by the read loop when the answer's packet stopped short of its size field and was taken as it was.</summary>
    public bool Truncated { get; set; }

    public TaskCompletionSource<RconResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Appends one packet's body; false when the answer would grow past the limit.</summary>
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

    public ReadOnlyMemory<byte> Body => _body.AsMemory(0, _length);
}
