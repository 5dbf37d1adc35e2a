namespace RconTyped.Logs;

/// <summary><c>"A" entered the game</c>.</summary>
public sealed class PlayerEnteredEvent : LogEvent
{
    internal PlayerEnteredEvent(LogLineHead head, LogPlayer player)
        : base(head)
    {
        Player = player;
    }

    /// <summary>Who entered.</summary>
    public LogPlayer Player { get; }
}
