namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>"A" purchased "ak47"</c>.</summary>
public sealed class PlayerPurchasedEvent : LogEvent
{
    internal PlayerPurchasedEvent(LogLineHead head, LogPlayer player, string item)
        : base(head)
    {
        Player = player;
        Item = item;
    }

    /// <summary>Who bought it.</summary>
    public LogPlayer Player { get; }

    /// <summary>What.</summary>
    public string Item { get; }
}
