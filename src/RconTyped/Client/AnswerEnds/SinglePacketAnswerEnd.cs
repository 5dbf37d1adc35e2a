using System.Buffers;
using System.Runtime.CompilerServices;

namespace RconTyped;

/// <summary>
/// Every answer is exactly one packet (CS2, Factorio, ARK, Conan Exiles, Palworld). Routed by id, or, for servers whose
/// answers carry no id (Palworld sends 0), to the one command in flight.
/// </summary>
internal sealed class SinglePacketAnswerEnd : AnswerEnd
{
    public static readonly SinglePacketAnswerEnd RoutedById = new(toTheOneInFlight: false);

    public static readonly SinglePacketAnswerEnd ToTheOneInFlight = new(toTheOneInFlight: true);

    private readonly bool _toTheOneInFlight;

    private SinglePacketAnswerEnd(bool toTheOneInFlight) => _toTheOneInFlight = toTheOneInFlight;

    public override bool AbandonedCommandBreaksStream => _toTheOneInFlight;

    public override PendingCommand? Route(PendingCommands pending, int id) => _toTheOneInFlight ? pending.Single() : pending.Find(id);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override Step OnPacket(PendingCommand command, int id, in ReadOnlySequence<byte> body, int maxResponseBytes)
    {
        Append(command, body, maxResponseBytes);
        return Step.Complete;
    }
}
