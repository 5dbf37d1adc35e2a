namespace RconTyped;

/// <summary><c>"A" entered the game</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who entered.</param>
public sealed record PlayerEnteredEvent(DateTime? Timestamp, string Raw, LogPlayer Player) : LogEvent(Timestamp, Raw);
