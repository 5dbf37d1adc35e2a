namespace RconTyped.Logs;

/// <summary><c>"A" joined team "Red"</c> or <c>"A" switched from team &lt;Unassigned&gt; to &lt;CT&gt;</c>.</summary>
public sealed class PlayerTeamChangedEvent : LogEvent
{
    internal PlayerTeamChangedEvent(LogLineHead head, LogPlayer player, string? fromTeam, string toTeam)
        : base(head)
    {
        Player = player;
        FromTeam = fromTeam;
        ToTeam = toTeam;
    }

    /// <summary>Who changed team.</summary>
    public LogPlayer Player { get; }

    /// <summary>The team left, when printed.</summary>
    public string? FromTeam { get; }

    /// <summary>The team joined.</summary>
    public string ToTeam { get; }
}
