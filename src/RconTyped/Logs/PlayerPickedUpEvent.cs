namespace RconTyped;

/// <summary><c>"A" picked up "weapon"</c> (CS:GO) or <c>picked up item "medkit_small"</c> (TF2).</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who picked it up.</param>
/// <param name="Item">What.</param>
public sealed record PlayerPickedUpEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Item) : LogEvent(Timestamp, Raw);
