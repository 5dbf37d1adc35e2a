namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>"A" dropped "c4"</c>.</summary>
public sealed class PlayerDroppedEvent : LogEvent
{
    internal PlayerDroppedEvent(LogLineHead head, LogPlayer player, string item)
        : base(head)
    {
        Player = player;
        Item = item;
    }

    /// <summary>Who dropped it.</summary>
    public LogPlayer Player { get; }

    /// <summary>What.</summary>
    public string Item { get; }
}
