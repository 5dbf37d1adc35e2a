namespace RconTyped.Logs;

/// <summary>What every event carries from its line: when it was logged and the line itself.</summary>
internal readonly record struct LogLineHead(DateTime? Timestamp, string Raw);
