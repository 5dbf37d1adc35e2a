namespace RconTyped;

/// <summary><c>World triggered "Round_Start"</c> (and <c>Round_End</c>, <c>Game_Commencing</c>, <c>Match_Start</c>, <c>Round_Win</c> …).</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Action">The action, as printed.</param>
public sealed record WorldTriggeredEvent(DateTime? Timestamp, string Raw, string Action) : LogEvent(Timestamp, Raw);
