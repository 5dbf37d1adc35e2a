namespace RconTyped;

/// <summary>A player killed something that is not a player: <c>killed other "chicken&lt;105&gt;" with "knife"</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Killer">Who killed.</param>
/// <param name="Target">What was killed, as printed.</param>
/// <param name="Weapon">The weapon, when printed.</param>
public sealed record PlayerKilledOtherEvent(DateTime? Timestamp, string Raw, LogPlayer Killer, string Target, string? Weapon) : LogEvent(Timestamp, Raw);
