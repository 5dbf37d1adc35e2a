namespace RconTyped.Logs;

/// <summary>A player damaged another: CS:GO and CS2's <c>attacked "B" with "w" (damage "27")</c> or TF2's <c>triggered "damage" against "B" (damage "60")</c>.</summary>
public sealed class PlayerAttackedEvent : LogEvent
{
    internal PlayerAttackedEvent(LogLineHead head, LogPlayer attacker, LogPlayer? victim, string? weapon, int? damage)
        : base(head)
    {
        Attacker = attacker;
        Victim = victim;
        Weapon = weapon;
        Damage = damage;
    }

    /// <summary>Who did the damage.</summary>
    public LogPlayer Attacker { get; }

    /// <summary>Who took it (older TF2 lines do not say).</summary>
    public LogPlayer? Victim { get; }

    /// <summary>The weapon, when printed.</summary>
    public string? Weapon { get; }

    /// <summary>The damage, when printed.</summary>
    public int? Damage { get; }

    /// <summary>Where the attacker stood, when printed.</summary>
    public LogVector? AttackerPosition { get; internal init; }

    /// <summary>Where the victim stood, when printed.</summary>
    public LogVector? VictimPosition { get; internal init; }
}
