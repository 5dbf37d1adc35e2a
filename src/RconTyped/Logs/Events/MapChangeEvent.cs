namespace RconTyped.Logs;

/// <summary>The banner SourceMod and older servers write when the map changes: <c>-------- Mapchange to cp_granary --------</c>.</summary>
public sealed class MapChangeEvent : LogEvent
{
    internal MapChangeEvent(LogLineHead head, string map)
        : base(head)
    {
        Map = map;
    }

    /// <summary>The map.</summary>
    public string Map { get; }
}
