namespace RconTyped.Logs;

/// <summary><c>Team "Red" current score "2" with "6" players</c>, <c>final score</c>, or CS:GO and CS2's <c>scored "1" with "5" players</c>.</summary>
public sealed class TeamScoreEvent : LogEvent
{
    internal TeamScoreEvent(LogLineHead head, string team, int? score, int? playerCount, bool isFinal)
        : base(head)
    {
        Team = team;
        Score = score;
        PlayerCount = playerCount;
        IsFinal = isFinal;
    }

    /// <summary>The team.</summary>
    public string Team { get; }

    /// <summary>The score.</summary>
    public int? Score { get; }

    /// <summary>How many players the team has.</summary>
    public int? PlayerCount { get; }

    /// <summary>True for <c>final score</c>.</summary>
    public bool IsFinal { get; }
}
