namespace RconTyped.Logs;

/// <summary>A player killed another: <c>"A" killed "B" with "weapon"</c>. CS:GO and CS2 print positions as <c>[x y z]</c>, TF2 as <c>attacker_position</c>/<c>victim_position</c>; flags such as <c>(headshot)</c>, <c>(penetrated)</c> or CS2's <c>(throughsmoke)</c> are in <see cref="LogEvent.Properties"/>.</summary>
public sealed class PlayerKilledEvent : LogEvent
{
    internal PlayerKilledEvent(LogLineHead head, LogPlayer killer, LogPlayer victim, string weapon)
        : base(head)
    {
        Killer = killer;
        Victim = victim;
        Weapon = weapon;
    }

    /// <summary>Who killed.</summary>
    public LogPlayer Killer { get; }

    /// <summary>Who died.</summary>
    public LogPlayer Victim { get; }

    /// <summary>The weapon, as the game names it (empty when the line names none).</summary>
    public string Weapon { get; }

    /// <summary>Whether the kill was a headshot (<c>(headshot)</c>, or TF2's <c>(customkill "headshot")</c>).</summary>
    public bool Headshot { get; internal init; }

    /// <summary>Where the killer stood, when printed.</summary>
    public LogVector? KillerPosition { get; internal init; }

    /// <summary>Where the victim stood, when printed.</summary>
    public LogVector? VictimPosition { get; internal init; }
}
