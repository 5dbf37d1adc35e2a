namespace RconTyped.Logs;

/// <summary><c>"A" committed suicide with "world"</c>.</summary>
public sealed class PlayerSuicideEvent : LogEvent
{
    internal PlayerSuicideEvent(LogLineHead head, LogPlayer player, string weapon)
        : base(head)
    {
        Player = player;
        Weapon = weapon;
    }

    /// <summary>Who died.</summary>
    public LogPlayer Player { get; }

    /// <summary>What killed them.</summary>
    public string Weapon { get; }
}
