namespace RconTyped.Logs;

/// <summary><c>"A" disconnected (reason "…")</c>.</summary>
public sealed class PlayerDisconnectedEvent : LogEvent
{
    internal PlayerDisconnectedEvent(LogLineHead head, LogPlayer player, string? reason)
        : base(head)
    {
        Player = player;
        Reason = reason;
    }

    /// <summary>Who left.</summary>
    public LogPlayer Player { get; }

    /// <summary>Why, when printed.</summary>
    public string? Reason { get; }
}
