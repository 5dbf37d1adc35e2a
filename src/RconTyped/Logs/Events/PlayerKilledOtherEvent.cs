namespace RconTyped.Logs;

/// <summary>A player killed something that is not a player: <c>killed other "chicken&lt;105&gt;" with "knife"</c> (CS2 and CS:GO print breakables such as <c>func_breakable&lt;416&gt;</c> too).</summary>
public sealed class PlayerKilledOtherEvent : LogEvent
{
    internal PlayerKilledOtherEvent(LogLineHead head, LogPlayer killer, string target, string? weapon)
        : base(head)
    {
        Killer = killer;
        Target = target;
        Weapon = weapon;
    }

    /// <summary>Who killed.</summary>
    public LogPlayer Killer { get; }

    /// <summary>What was killed, as printed.</summary>
    public string Target { get; }

    /// <summary>The weapon, when printed.</summary>
    public string? Weapon { get; }
}
