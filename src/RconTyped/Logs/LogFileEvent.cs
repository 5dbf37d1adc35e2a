namespace RconTyped;

/// <summary><c>Log file started (file "…") (game "…") (version "…")</c> or <c>Log file closed</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="IsStarted">True when the file starts, false when it closes.</param>
public sealed record LogFileEvent(DateTime? Timestamp, string Raw, bool IsStarted) : LogEvent(Timestamp, Raw);
