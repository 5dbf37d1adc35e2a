namespace RconTyped.Logs;

/// <summary><c>"A" STEAM USERID validated</c>.</summary>
public sealed class PlayerValidatedEvent : LogEvent
{
    internal PlayerValidatedEvent(LogLineHead head, LogPlayer player)
        : base(head)
    {
        Player = player;
    }

    /// <summary>Whose id was validated.</summary>
    public LogPlayer Player { get; }
}
