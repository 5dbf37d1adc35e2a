namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>"A" money change 800-200 = $600 (tracked) (purchase: weapon_x)</c>, and the <c>"A" has 10400$</c> lines match plugins print (only <see cref="After"/>).</summary>
public sealed class PlayerMoneyChangedEvent : LogEvent
{
    internal PlayerMoneyChangedEvent(LogLineHead head, LogPlayer player, int? before, int? change, int? after)
        : base(head)
    {
        Player = player;
        Before = before;
        Change = change;
        After = after;
    }

    /// <summary>Whose money changed.</summary>
    public LogPlayer Player { get; }

    /// <summary>The amount before.</summary>
    public int? Before { get; }

    /// <summary>The change (negative for a purchase).</summary>
    public int? Change { get; }

    /// <summary>The amount after.</summary>
    public int? After { get; }
}
