namespace RconTyped.Logs;

/// <summary><c>Team "CT" triggered "SFUI_Notice_CTs_Win" (CT "3") (T "1")</c>, or TF2's <c>Team "Blue" triggered "pointcaptured" (cp "2") …</c>.</summary>
public sealed class TeamTriggeredEvent : LogEvent
{
    internal TeamTriggeredEvent(LogLineHead head, string team, string action)
        : base(head)
    {
        Team = team;
        Action = action;
    }

    /// <summary>The team.</summary>
    public string Team { get; }

    /// <summary>The action, as printed.</summary>
    public string Action { get; }

    /// <summary>CS:GO and CS2's <c>(CT "n")</c>, when printed.</summary>
    public int? CTScore { get; internal init; }

    /// <summary>CS:GO and CS2's <c>(T "n")</c>, when printed.</summary>
    public int? TScore { get; internal init; }
}
