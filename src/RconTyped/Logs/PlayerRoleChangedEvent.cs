namespace RconTyped;

/// <summary>TF2: <c>"A" changed role to "medic"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who changed class.</param>
/// <param name="Role">The new class.</param>
public sealed record PlayerRoleChangedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Role) : LogEvent(Timestamp, Raw);
