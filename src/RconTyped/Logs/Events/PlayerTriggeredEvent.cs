namespace RconTyped.Logs;

/// <summary><c>"A" triggered "action"</c>, optionally <c>against "B"</c>: bomb events (<c>Planted_The_Bomb</c>, <c>Defused_The_Bomb</c> …), CS2's <c>clantag</c>, TF2's <c>chargedeployed</c>, <c>medic_death</c> and the rest.</summary>
public sealed class PlayerTriggeredEvent : LogEvent
{
    internal PlayerTriggeredEvent(LogLineHead head, LogPlayer player, string action, LogPlayer? target)
        : base(head)
    {
        Player = player;
        Action = action;
        Target = target;
    }

    /// <summary>Who triggered it.</summary>
    public LogPlayer Player { get; }

    /// <summary>The action, as printed.</summary>
    public string Action { get; }

    /// <summary>The player it was against, when printed.</summary>
    public LogPlayer? Target { get; }
}
