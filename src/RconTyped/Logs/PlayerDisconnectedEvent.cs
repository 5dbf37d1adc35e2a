namespace RconTyped;

/// <summary><c>"A" disconnected (reason "…")</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who left.</param>
/// <param name="Reason">Why, when printed.</param>
public sealed record PlayerDisconnectedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string? Reason) : LogEvent(Timestamp, Raw);
