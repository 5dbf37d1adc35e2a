namespace RconTyped;

/// <summary>CS:GO: <c>"A" purchased "ak47"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who bought it.</param>
/// <param name="Item">What.</param>
public sealed record PlayerPurchasedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Item) : LogEvent(Timestamp, Raw);
