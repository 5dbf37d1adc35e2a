namespace RconTyped.Logs;

/// <summary>CS2: <c>Started: "…"</c>, printed as the match configuration loads (the real logs we have print it empty).</summary>
public sealed class MatchStartedEvent : LogEvent
{
    internal MatchStartedEvent(LogLineHead head, string name)
        : base(head)
    {
        Name = name;
    }

    /// <summary>The quoted text.</summary>
    public string Name { get; }
}
