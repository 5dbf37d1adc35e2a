namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>"A" left buyzone with [ weapon_knife weapon_glock ]</c>.</summary>
public sealed class PlayerLeftBuyZoneEvent : LogEvent
{
    internal PlayerLeftBuyZoneEvent(LogLineHead head, LogPlayer player, IReadOnlyList<string> items)
        : base(head)
    {
        Player = player;
        Items = items;
    }

    /// <summary>Who left the buy zone.</summary>
    public LogPlayer Player { get; }

    /// <summary>What they carried.</summary>
    public IReadOnlyList<string> Items { get; }
}
