namespace RconTyped.Testing;

/// <summary>A recorded RCON session: where it was recorded, when, and every exchange in order.</summary>
/// <param name="Server">The server's address, as given to the recorder.</param>
/// <param name="StartedUtc">When the session started.</param>
/// <param name="Exchanges">The commands and answers, in order.</param>
public sealed record Recording(string Server, DateTimeOffset StartedUtc, IReadOnlyList<RecordedExchange> Exchanges);
