namespace RconTyped.Logs;

/// <summary>TF2: <c>"A" spawned as "Medic"</c>.</summary>
public sealed class PlayerSpawnedEvent : LogEvent
{
    internal PlayerSpawnedEvent(LogLineHead head, LogPlayer player, string role)
        : base(head)
    {
        Player = player;
        Role = role;
    }

    /// <summary>Who spawned.</summary>
    public LogPlayer Player { get; }

    /// <summary>As what class.</summary>
    public string Role { get; }
}
