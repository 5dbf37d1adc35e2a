namespace RconTyped.Logs;

/// <summary>CS2's replay line for a throw: <c>"A" sv_throw_flashgrenade x y z 0 0 0 vx vy vz …</c>, the console command that repeats it. Printed beside the <see cref="PlayerThrewEvent"/> of the same throw.</summary>
public sealed class GrenadeThrowEvent : LogEvent
{
    internal GrenadeThrowEvent(LogLineHead head, LogPlayer player, string grenade, IReadOnlyList<double> values)
        : base(head)
    {
        Player = player;
        Grenade = grenade;
        Values = values;
    }

    /// <summary>Who threw it.</summary>
    public LogPlayer Player { get; }

    /// <summary>The grenade as the command names it: <c>flashgrenade</c>, <c>smokegrenade</c>, <c>hegrenade</c>, <c>molotov</c>, <c>decoygrenade</c> ….</summary>
    public string Grenade { get; }

    /// <summary>Every number of the command, in order (unreadable ones as NaN).</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Where it left the hand: the first three numbers.</summary>
    public LogVector? Position { get; internal init; }

    /// <summary>Its velocity: the seventh to ninth numbers (the same as the <see cref="ProjectileSpawnedEvent"/> of a molotov).</summary>
    public LogVector? Velocity { get; internal init; }
}
