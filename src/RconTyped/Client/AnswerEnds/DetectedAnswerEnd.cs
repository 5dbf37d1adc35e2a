using System.Buffers;

namespace RconTyped;

/// <summary>
/// <see cref="RconDialect.Auto"/>: decided at authentication. A server that sends an empty RESPONSE_VALUE before its
/// AUTH_RESPONSE is Source 1 (<see cref="MirrorAnswerEnd"/>); one that sends only the AUTH_RESPONSE is CS2-like
/// (<see cref="SinglePacketAnswerEnd"/>). Commands run only after authentication, so this never ends an answer itself.
/// </summary>
internal sealed class DetectedAnswerEnd : AnswerEnd
{
    public static readonly DetectedAnswerEnd Instance = new();

    public override Step OnPacket(PendingCommand command, int id, in ReadOnlySequence<byte> body, int maxResponseBytes) =>
        throw new InvalidOperationException("No command runs before authentication has chosen the dialect.");

    public override RconDialect AfterAuthentication(RconDialect dialect, bool sawResponseBeforeAuthentication) =>
        sawResponseBeforeAuthentication ? RconDialect.Source : RconDialect.Cs2;
}
