namespace RconTyped.Logs;

/// <summary><c>World triggered "Round_Start"</c> (and <c>Round_End</c>, <c>Game_Commencing</c>, <c>Match_Start</c>, <c>Round_Win</c> …).</summary>
public sealed class WorldTriggeredEvent : LogEvent
{
    internal WorldTriggeredEvent(LogLineHead head, string action)
        : base(head)
    {
        Action = action;
    }

    /// <summary>The action, as printed.</summary>
    public string Action { get; }
}
