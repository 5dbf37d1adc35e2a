namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>MatchStatus: Score: 4:11 on map "de_nuke" RoundsPlayed: 15</c>, printed at every round's start and end.</summary>
public sealed class MatchScoreEvent : LogEvent
{
    internal MatchScoreEvent(LogLineHead head, int? cTScore, int? tScore, string map, int? roundsPlayed)
        : base(head)
    {
        CTScore = cTScore;
        TScore = tScore;
        Map = map;
        RoundsPlayed = roundsPlayed;
    }

    /// <summary>The CT side's score (the first number).</summary>
    public int? CTScore { get; }

    /// <summary>The T side's score (the second number).</summary>
    public int? TScore { get; }

    /// <summary>The map.</summary>
    public string Map { get; }

    /// <summary>Rounds played so far; -1 before the first.</summary>
    public int? RoundsPlayed { get; }
}
