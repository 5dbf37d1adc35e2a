namespace RconTyped.Logs;

/// <summary><c>Started map "de_dust2" (CRC "…")</c>.</summary>
public sealed class MapStartedEvent : LogEvent
{
    internal MapStartedEvent(LogLineHead head, string map)
        : base(head)
    {
        Map = map;
    }

    /// <summary>The map.</summary>
    public string Map { get; }
}
