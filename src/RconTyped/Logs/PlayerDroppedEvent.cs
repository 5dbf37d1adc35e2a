namespace RconTyped;

/// <summary>CS:GO: <c>"A" dropped "c4"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who dropped it.</param>
/// <param name="Item">What.</param>
public sealed record PlayerDroppedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Item) : LogEvent(Timestamp, Raw);
