namespace RconTyped;

/// <summary><c>"A" STEAM USERID validated</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Whose id was validated.</param>
public sealed record PlayerValidatedEvent(DateTime? Timestamp, string Raw, LogPlayer Player) : LogEvent(Timestamp, Raw);
