namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>Molotov projectile spawned at x y z, velocity vx vy vz</c>.</summary>
public sealed class ProjectileSpawnedEvent : LogEvent
{
    internal ProjectileSpawnedEvent(LogLineHead head, string projectile)
        : base(head)
    {
        Projectile = projectile;
    }

    /// <summary>What was spawned, as printed (<c>Molotov</c>).</summary>
    public string Projectile { get; }

    /// <summary>Where.</summary>
    public LogVector? Position { get; internal init; }

    /// <summary>Its velocity.</summary>
    public LogVector? Velocity { get; internal init; }
}
