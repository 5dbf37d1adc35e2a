namespace RconTyped;

/// <summary><c>Team "Red" current score "2" with "6" players</c>, <c>final score</c>, or CS:GO's <c>scored "1" with "5" players</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Team">The team.</param>
/// <param name="Score">The score.</param>
/// <param name="PlayerCount">How many players the team has.</param>
/// <param name="IsFinal">True for <c>final score</c>.</param>
public sealed record TeamScoreEvent(DateTime? Timestamp, string Raw, string Team, int? Score, int? PlayerCount, bool IsFinal) : LogEvent(Timestamp, Raw);
