namespace RconTyped.Logs;

/// <summary>A line no other event describes; <see cref="LogEvent.Raw"/> keeps it whole.</summary>
public sealed class UnknownLogEvent : LogEvent
{
    internal UnknownLogEvent(LogLineHead head)
        : base(head)
    {
    }
}
