namespace RconTyped;

/// <summary>CS:GO: <c>"A" left buyzone with [ weapon_knife weapon_glock ]</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who left the buy zone.</param>
/// <param name="Items">What they carried.</param>
public sealed record PlayerLeftBuyZoneEvent(DateTime? Timestamp, string Raw, LogPlayer Player, IReadOnlyList<string> Items) : LogEvent(Timestamp, Raw);
