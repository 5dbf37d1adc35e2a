namespace RconTyped.Logs;

/// <summary>CS:GO and CS2 votes: <c>Vote started "StartTimeOut " from #10 "A&lt;29&gt;&lt;STEAM_1:0:1&gt;&lt;TERRORIST&gt;&lt;Area 3018&gt;"</c>, <c>Vote cast … option0</c>, <c>Vote succeeded …</c>, <c>Vote failed …</c>.</summary>
public sealed class VoteEvent : LogEvent
{
    internal VoteEvent(LogLineHead head, string action, string issue, LogPlayer? player)
        : base(head)
    {
        Action = action;
        Issue = issue;
        Player = player;
    }

    /// <summary><c>started</c>, <c>cast</c>, <c>succeeded</c>, <c>failed</c> …, as printed.</summary>
    public string Action { get; }

    /// <summary>What the vote is about, trimmed (<c>StartTimeOut</c>, <c>Kick</c> …).</summary>
    public string Issue { get; }

    /// <summary>Who called or cast it (the place group CS:GO adds is dropped).</summary>
    public LogPlayer? Player { get; }

    /// <summary>The option cast (<c>option0</c> …), for <c>Vote cast</c>.</summary>
    public string? Option { get; internal init; }
}
