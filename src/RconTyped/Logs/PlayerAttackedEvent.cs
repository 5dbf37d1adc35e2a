namespace RconTyped;

/// <summary>A player damaged another: CS:GO's <c>attacked "B" with "w" (damage "27")</c> or TF2's <c>triggered "damage" against "B" (damage "60")</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Attacker">Who did the damage.</param>
/// <param name="Victim">Who took it (older TF2 lines do not say).</param>
/// <param name="Weapon">The weapon, when printed.</param>
/// <param name="Damage">The damage, when printed.</param>
public sealed record PlayerAttackedEvent(DateTime? Timestamp, string Raw, LogPlayer Attacker, LogPlayer? Victim, string? Weapon, int? Damage) : LogEvent(Timestamp, Raw)
{
    /// <summary>Where the attacker stood, when printed.</summary>
    public LogPosition? AttackerPosition { get; init; }

    /// <summary>Where the victim stood, when printed.</summary>
    public LogPosition? VictimPosition { get; init; }
}
