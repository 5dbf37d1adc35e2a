namespace RconTyped.Logs;

/// <summary>CS:GO and CS2: <c>"A" blinded for 3.45 by "B" from flashbang entindex 123</c>.</summary>
public sealed class PlayerBlindedEvent : LogEvent
{
    internal PlayerBlindedEvent(LogLineHead head, LogPlayer player, double? seconds, LogPlayer? by)
        : base(head)
    {
        Player = player;
        Seconds = seconds;
        By = by;
    }

    /// <summary>Who was blinded.</summary>
    public LogPlayer Player { get; }

    /// <summary>For how long.</summary>
    public double? Seconds { get; }

    /// <summary>Who threw the flashbang.</summary>
    public LogPlayer? By { get; }
}
