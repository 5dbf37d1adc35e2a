namespace RconTyped;

/// <summary>CS2/CS:GO's statistics block, <c>JSON_BEGIN{</c> … <c>}}JSON_END</c>, read whole by <see cref="LogLineAssembler"/>: one event for all its lines.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Json">The JSON between <c>JSON_BEGIN</c> and <c>JSON_END</c>.</param>
public sealed record JsonStatisticsEvent(DateTime? Timestamp, string Raw, string Json) : LogEvent(Timestamp, Raw);
