using System.Buffers;

namespace RconTyped;

/// <summary>
/// Minecraft: the answer may be split (at 4096 UTF-16 units) and nothing is mirrored. Once the first packet of the answer
/// has arrived, an empty packet of a type the server does not know goes out in its own write (it cannot reach the server
/// in the same read as the command); the server answers it, in order, with <c>Unknown request …</c>, which ends the answer.
/// </summary>
internal sealed class ProbeAnswerEnd : AnswerEnd
{
    public static readonly ProbeAnswerEnd Instance = new();

    public override bool UsesEndMarker => true;

    public override Step OnPacket(PendingCommand command, int id, in ReadOnlySequence<byte> body, int maxResponseBytes)
    {
        if (command.IsEndMarker(id))
        {
            return Step.Complete;
        }

        Append(command, body, maxResponseBytes);
        if (command.ProbeSent)
        {
            return Step.Continue;
        }

        command.ProbeSent = true;
        return Step.SendProbe;
    }
}
