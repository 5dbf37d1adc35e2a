namespace RconTyped.Logs;

/// <summary>CS2/CS:GO's statistics block, <c>JSON_BEGIN{</c> … <c>}}JSON_END</c>, read whole by <see cref="LogLineAssembler"/>: one event for all its lines.</summary>
public sealed class JsonStatisticsEvent : LogEvent
{
    internal JsonStatisticsEvent(LogLineHead head, string json)
        : base(head)
    {
        Json = json;
    }

    /// <summary>The JSON between <c>JSON_BEGIN</c> and <c>JSON_END</c>.</summary>
    public string Json { get; }
}
