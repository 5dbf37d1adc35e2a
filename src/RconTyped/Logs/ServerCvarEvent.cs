namespace RconTyped;

/// <summary><c>server_cvar: "name" "value"</c>, or a <c>"name" = "value"</c> line of a cvar dump in the log.</summary>
/// <param name="Timestamp">When the server logged it.</param>
/// <param name="Raw">The line as it came.</param>
/// <param name="Name">The cvar.</param>
/// <param name="Value">Its value.</param>
public sealed record ServerCvarEvent(DateTime? Timestamp, string Raw, string Name, string Value) : LogEvent(Timestamp, Raw);
