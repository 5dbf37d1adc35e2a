namespace RconTyped;

/// <summary><c>"A" joined team "Red"</c> or <c>"A" switched from team &lt;Unassigned&gt; to &lt;CT&gt;</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Player">Who changed team.</param>
/// <param name="FromTeam">The team left, when printed.</param>
/// <param name="ToTeam">The team joined.</param>
public sealed record PlayerTeamChangedEvent(DateTime? Timestamp, string Raw, LogPlayer Player, string? FromTeam, string ToTeam) : LogEvent(Timestamp, Raw);
