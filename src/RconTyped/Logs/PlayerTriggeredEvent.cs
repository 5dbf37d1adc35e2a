namespace RconTyped;

/// <summary><c>"A" triggered "action"</c>, optionally <c>against "B"</c>: bomb events (<c>Planted_The_Bomb</c>, <c>Defused_The_Bomb</c> …), TF2's <c>chargedeployed</c>, <c>medic_death</c> and the rest.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who triggered it.</param>
/// <param name="Action">The action, as printed.</param>
/// <param name="Target">The player it was against, when printed.</param>
public sealed record PlayerTriggeredEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Action, LogPlayer? Target) : LogEvent(Timestamp, Raw);
