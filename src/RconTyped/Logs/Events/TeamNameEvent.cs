namespace RconTyped.Logs;

/// <summary>Which name a side plays under: <c>MatchStatus: Team playing "CT": NAVI</c> and <c>Team playing "CT": NAVI</c> (CS:GO and CS2), <c>MatchStatus: Team "CT" is unset.</c>, and TF2's tournament <c>Blue Team: BLU</c>.</summary>
public sealed class TeamNameEvent : LogEvent
{
    internal TeamNameEvent(LogLineHead head, string team, string? name)
        : base(head)
    {
        Team = team;
        Name = name;
    }

    /// <summary>The side: <c>CT</c>, <c>TERRORIST</c>, <c>Blue</c>, <c>Red</c>.</summary>
    public string Team { get; }

    /// <summary>The name it plays under; null when unset.</summary>
    public string? Name { get; }
}
