namespace RconTyped;

/// <summary><c>"A" committed suicide with "world"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who died.</param>
/// <param name="Weapon">What killed them.</param>
public sealed record PlayerSuicideEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Weapon) : LogEvent(Timestamp, Raw);
