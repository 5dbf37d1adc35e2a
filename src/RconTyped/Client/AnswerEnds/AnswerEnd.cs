using System.Buffers;

namespace RconTyped;

/// <summary>
/// How one way of ending an answer (<see cref="RconResponseEnd"/>) works on the wire: which ids a command takes, what goes
/// out with it, which command a packet belongs to, and when the answer is whole. The connection asks; only these classes
/// know the rules.
/// </summary>
internal abstract class AnswerEnd
{
    /// <summary>What the connection does after a packet was handed to its command.</summary>
    public enum Step
    {
        /// <summary>More of the answer is to come.</summary>
        Continue,

        /// <summary>The answer is whole.</summary>
        Complete,

        /// <summary>More is to come, and the end-marker probe must go out now (in its own write).</summary>
        SendProbe,
    }

    /// <summary>The rules for a dialect.</summary>
    public static AnswerEnd For(RconDialect dialect) => dialect.ResponseEnd switch
    {
        RconResponseEnd.MirrorPacket => MirrorAnswerEnd.Instance,
        RconResponseEnd.UnknownTypeProbe => ProbeAnswerEnd.Instance,
        RconResponseEnd.DetectAtAuthentication => DetectedAnswerEnd.Instance,
        _ => dialect.AnswersCarryRequestId ? SinglePacketAnswerEnd.RoutedById : SinglePacketAnswerEnd.ToTheOneInFlight,
    };

    /// <summary>Whether a command takes a second id for an end marker (mirror or probe).</summary>
    public virtual bool UsesEndMarker => false;

    /// <summary>Whether the end marker goes out in the same write as the command (the mirror technique).</summary>
    public virtual bool SendsMarkerWithCommand => false;

    /// <summary>
    /// Whether abandoning a command (timeout, cancellation) breaks the stream: true when answers carry no id, so a late
    /// answer would be taken for the next command's.
    /// </summary>
    public virtual bool AbandonedCommandBreaksStream => false;

    /// <summary>The command a RESPONSE_VALUE or AUTH_RESPONSE packet belongs to, or null.</summary>
    public virtual PendingCommand? Route(PendingCommands pending, int id) => pending.Find(id);

    /// <summary>Takes one packet of the command's answer; a body that would grow the answer past <paramref name="maxResponseBytes"/> fails the connection.</summary>
    public abstract Step OnPacket(PendingCommand command, int id, in ReadOnlySequence<byte> body, int maxResponseBytes);

    /// <summary>The dialect to use once authentication is done; only <see cref="DetectedAnswerEnd"/> changes it.</summary>
    public virtual RconDialect AfterAuthentication(RconDialect dialect, bool sawResponseBeforeAuthentication) => dialect;

    /// <summary>Appends a body to the command's answer, or fails the connection when the answer grows past the limit.</summary>
    protected static void Append(PendingCommand command, in ReadOnlySequence<byte> body, int maxResponseBytes)
    {
        if (!command.TryAppend(body))
        {
            throw RconErrors.ResponseTooLarge(command.Id, maxResponseBytes);
        }
    }
}
