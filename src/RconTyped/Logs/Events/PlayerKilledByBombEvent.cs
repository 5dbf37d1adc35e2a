namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>"A" [x y z] was killed by the bomb.</c></summary>
public sealed class PlayerKilledByBombEvent : LogEvent
{
    internal PlayerKilledByBombEvent(LogLineHead head, LogPlayer player)
        : base(head)
    {
        Player = player;
    }

    /// <summary>Who died.</summary>
    public LogPlayer Player { get; }

    /// <summary>Where the player stood, when printed.</summary>
    public LogVector? Position { get; internal init; }
}
