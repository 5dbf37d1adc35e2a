namespace RconTyped.Logs;

/// <summary>TF2: <c>"A" changed role to "medic"</c>.</summary>
public sealed class PlayerRoleChangedEvent : LogEvent
{
    internal PlayerRoleChangedEvent(LogLineHead head, LogPlayer player, string role)
        : base(head)
    {
        Player = player;
        Role = role;
    }

    /// <summary>Who changed class.</summary>
    public LogPlayer Player { get; }

    /// <summary>The new class.</summary>
    public string Role { get; }
}
