namespace RconTyped;

/// <summary>CS:GO: <c>"A" blinded for 3.45 by "B" from flashbang entindex 123</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who was blinded.</param>
/// <param name="Seconds">For how long.</param>
/// <param name="By">Who threw the flashbang.</param>
public sealed record PlayerBlindedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, double? Seconds, LogPlayer? By) : LogEvent(Timestamp, Raw);
