namespace RconTyped;

/// <summary>TF2: <c>"A" spawned as "Medic"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who spawned.</param>
/// <param name="Role">As what class.</param>
public sealed record PlayerSpawnedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Role) : LogEvent(Timestamp, Raw);
