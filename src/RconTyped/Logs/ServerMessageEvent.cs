namespace RconTyped;

/// <summary><c>server_message: "quit"</c>, and the server's own notices: <c>server cvars start</c>, <c>Starting Freeze period</c>, <c>Tournament mode started</c>, <c>[META] …</c>.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Message">The text.</param>
public sealed record ServerMessageEvent(DateTime? Timestamp, string Raw, string Message) : LogEvent(Timestamp, Raw);
