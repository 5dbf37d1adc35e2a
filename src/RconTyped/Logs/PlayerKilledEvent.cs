namespace RconTyped;

/// <summary>A player killed another: <c>"A" killed "B" with "weapon"</c> (CS:GO prints positions as <c>[x y z]</c>, TF2 as <c>attacker_position</c>/<c>victim_position</c>; flags such as <c>(headshot)</c> are in <see cref="LogEvent.Properties"/>).</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Killer">Who killed.</param>
/// <param name="Victim">Who died.</param>
/// <param name="Weapon">The weapon, as the game names it.</param>
public sealed record PlayerKilledEvent(DateTime? Timestamp, string Raw, LogPlayer Killer, LogPlayer Victim, string Weapon) : LogEvent(Timestamp, Raw)
{
    /// <summary>Whether the kill was a headshot (<c>(headshot)</c>, or TF2's <c>(customkill "headshot")</c>).</summary>
    public bool Headshot { get; init; }

    /// <summary>Where the killer stood, when printed.</summary>
    public LogPosition? KillerPosition { get; init; }

    /// <summary>Where the victim stood, when printed.</summary>
    public LogPosition? VictimPosition { get; init; }
}
