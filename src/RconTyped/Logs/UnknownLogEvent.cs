namespace RconTyped;

/// <summary>A line no other event describes; <see cref="LogEvent.Raw"/> keeps it whole.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
public sealed record UnknownLogEvent(DateTime? Timestamp, string Raw) : LogEvent(Timestamp, Raw);
