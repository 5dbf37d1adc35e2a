namespace RconTyped;

/// <summary>
/// One line of a server log (the Half-Life Log Standard as Source 1, CS:GO, CS2 and GoldSrc print it), parsed.
/// <see cref="Parse"/> never throws: what it cannot type is an <see cref="UnknownLogEvent"/> with the line intact.
/// </summary>
public abstract record LogEvent
{
    private protected LogEvent(DateTime? timestamp, string raw)
    {
        Timestamp = timestamp;
        Raw = raw;
    }

    /// <summary>When the server logged it (<c>L MM/dd/yyyy - HH:mm:ss</c>, the server's local time); null for lines without one.</summary>
    public DateTime? Timestamp { get; }

    /// <summary>The line as it came, without the UDP header or a line break (passwords in RCON lines redacted).</summary>
    public string Raw { get; }

    /// <summary>
    /// The bytes the line arrived as, kept only when they were not valid UTF-8 (<see cref="Raw"/> then holds U+FFFD in
    /// their place); empty otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> RawBytes { get; init; }

    /// <summary>The <c>(key "value")</c> and <c>(flag)</c> groups at the end of the line, in order; a flag has an empty value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];

    /// <summary>The value of a property, or null when the line has none of that name.</summary>
    public string? Property(string key)
    {
        foreach (KeyValuePair<string, string> property in Properties)
        {
            if (property.Key == key)
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>Parses one log line, with or without the <c>L </c> prefix and the UDP header. Never throws.</summary>
    public static LogEvent Parse(string line) => LogLineParser.Parse(line ?? string.Empty);
}
