namespace RconTyped.Logs;

/// <summary><c>Banid: "A" was banned "for 5.00 minutes" by "Console"</c>.</summary>
public sealed class PlayerBannedEvent : LogEvent
{
    internal PlayerBannedEvent(LogLineHead head, LogPlayer player, string term, string by)
        : base(head)
    {
        Player = player;
        Term = term;
        By = by;
    }

    /// <summary>Who was banned.</summary>
    public LogPlayer Player { get; }

    /// <summary>The term as printed: <c>for 5.00 minutes</c>, <c>permanently</c> ….</summary>
    public string Term { get; }

    /// <summary>Who banned them, as printed.</summary>
    public string By { get; }

    /// <summary>The term as a duration, when it reads as <c>for N minutes</c>; null for a permanent ban.</summary>
    public TimeSpan? Duration { get; internal init; }
}
