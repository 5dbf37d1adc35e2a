namespace RconTyped;

/// <summary><c>Started map "de_dust2" (CRC "…")</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Map">The map.</param>
public sealed record MapStartedEvent(DateTime? Timestamp, string Raw, string Map) : LogEvent(Timestamp, Raw);
