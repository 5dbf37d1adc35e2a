namespace RconTyped;

/// <summary>CS:GO: <c>"A" threw flashbang [x y z]</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who threw it.</param>
/// <param name="Item">What (flashbang, hegrenade, smokegrenade, molotov, decoy).</param>
/// <param name="Position">Where it was thrown from, when printed.</param>
public sealed record PlayerThrewEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string Item, LogPosition? Position) : LogEvent(Timestamp, Raw);
