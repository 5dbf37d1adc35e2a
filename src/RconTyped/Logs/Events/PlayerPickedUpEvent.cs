namespace RconTyped.Logs;

/// <summary><c>"A" picked up "weapon"</c> (CS:GO and CS2) or <c>picked up item "medkit_small"</c> (TF2).</summary>
public sealed class PlayerPickedUpEvent : LogEvent
{
    internal PlayerPickedUpEvent(LogLineHead head, LogPlayer player, string item)
        : base(head)
    {
        Player = player;
        Item = item;
    }

    /// <summary>Who picked it up.</summary>
    public LogPlayer Player { get; }

    /// <summary>What.</summary>
    public string Item { get; }
}
