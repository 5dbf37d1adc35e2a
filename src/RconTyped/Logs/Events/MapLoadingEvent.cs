namespace RconTyped.Logs;

/// <summary><c>Loading map "de_dust2"</c>.</summary>
public sealed class MapLoadingEvent : LogEvent
{
    internal MapLoadingEvent(LogLineHead head, string map)
        : base(head)
    {
        Map = map;
    }

    /// <summary>The map.</summary>
    public string Map { get; }
}
