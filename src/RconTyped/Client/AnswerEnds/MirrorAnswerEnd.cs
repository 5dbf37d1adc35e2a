using System.Buffers;
using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>
/// Source 1 (srcds): the answer may be split into many packets. An empty RESPONSE_VALUE with its own id follows the
/// command in the same write; the server mirrors it once everything before it was sent, then sends one more packet with
/// that id whose body is <c>00 01 00 00</c>, which finds no command and is discarded.
/// </summary>
internal sealed class MirrorAnswerEnd : AnswerEnd
{
    public static readonly MirrorAnswerEnd Instance = new();

    public override bool UsesEndMarker => true;

    public override bool SendsMarkerWithCommand => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Step OnPacket(PendingCommand command, int id, in ReadOnlySequence<byte> body, int maxResponseBytes)
    {
        if (command.IsEndMarker(id))
        {
            return body.IsEmpty ? Step.Complete : Step.Continue;
        }

        Append(command, body, maxResponseBytes);
        return Step.Continue;
    }
}
