namespace RconTyped.Logs;

/// <summary><c>Log file started (file "…") (game "…") (version "…")</c> or <c>Log file closed</c>.</summary>
public sealed class LogFileEvent : LogEvent
{
    internal LogFileEvent(LogLineHead head, bool isStarted)
        : base(head)
    {
        IsStarted = isStarted;
    }

    /// <summary>True when the file starts, false when it closes.</summary>
    public bool IsStarted { get; }
}
