namespace RconTyped;

/// <summary><c>"A" connected, address "1.2.3.4:27005"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who connected.</param>
/// <param name="Address">The address as printed (empty for bots).</param>
public sealed record PlayerConnectedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Address) : LogEvent(Timestamp, Raw);
