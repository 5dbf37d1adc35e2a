namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>Game Over: competitive mg_active de_dust2 score 16:8 after 42 min</c>.</summary>
public sealed class GameOverEvent : LogEvent
{
    internal GameOverEvent(LogLineHead head, string mode, string mapGroup, string map, int? cTScore, int? tScore)
        : base(head)
    {
        Mode = mode;
        MapGroup = mapGroup;
        Map = map;
        CTScore = cTScore;
        TScore = tScore;
    }

    /// <summary>The game mode (<c>competitive</c>, <c>wingman</c> …).</summary>
    public string Mode { get; }

    /// <summary>The map group as printed (<c>mg_active</c>, a workshop id, or empty).</summary>
    public string MapGroup { get; }

    /// <summary>The map.</summary>
    public string Map { get; }

    /// <summary>The CT side's final score (the first number).</summary>
    public int? CTScore { get; }

    /// <summary>The T side's final score (the second number).</summary>
    public int? TScore { get; }

    /// <summary>How long the match took, in whole minutes as printed.</summary>
    public TimeSpan? Duration { get; internal init; }
}
