namespace RconTyped.Logs;

/// <summary>Chat: <c>say "…"</c> (everyone) or <c>say_team "…"</c> (the team only).</summary>
public sealed class PlayerSayEvent : LogEvent
{
    internal PlayerSayEvent(LogLineHead head, LogPlayer player, string message, bool teamOnly)
        : base(head)
    {
        Player = player;
        Message = message;
        TeamOnly = teamOnly;
    }

    /// <summary>Who spoke (the console is a player named Console).</summary>
    public LogPlayer Player { get; }

    /// <summary>The message, as printed (quotes inside kept).</summary>
    public string Message { get; }

    /// <summary>True for <c>say_team</c>.</summary>
    public bool TeamOnly { get; }
}
