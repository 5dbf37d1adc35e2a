using RconTyped.Logs.Parsing;

namespace RconTyped.Logs;

/// <summary>
/// One line of a server log (the Half-Life Log Standard as Source 1, CS:GO, CS2 and GoldSrc print it), parsed.
/// <see cref="Parse"/> never throws: what it cannot type is an <see cref="UnknownLogEvent"/> with the line intact.
/// </summary>
/// <remarks>
/// Every property of an event is read from its line, so two events are equal when they are of the same kind and were
/// read from the same line (<see cref="Raw"/>, <see cref="RawBytes"/>). Events have no public constructors: to make one
/// in a test, parse a line.
/// </remarks>
public abstract class LogEvent : IEquatable<LogEvent>
{
    private protected LogEvent(LogLineHead head)
    {
        Timestamp = head.Timestamp;
        Raw = head.Raw;
    }

    /// <summary>When the server logged it (<c>L MM/dd/yyyy - HH:mm:ss</c>, the server's local time); null for lines without one.</summary>
    public DateTime? Timestamp { get; }

    /// <summary>The line as it came, without the UDP header or a line break (passwords in RCON lines redacted).</summary>
    public string Raw { get; }

    /// <summary>
    /// The bytes the line arrived as, kept only when they were not valid UTF-8 (<see cref="Raw"/> then holds U+FFFD in
    /// their place); empty otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> RawBytes { get; internal set; }

    /// <summary>The <c>(key "value")</c> and <c>(flag)</c> groups at the end of the line, in order; a flag has an empty value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; internal init; } = [];

    /// <summary>The value of a property, or null when the line has none of that name.</summary>
    public string? Property(string key) => LogProperties.Value(Properties, key);

    /// <summary>Parses one log line, with or without the <c>L </c> prefix and the UDP header. Never throws.</summary>
    public static LogEvent Parse(string line) => LogLineParser.Parse(line ?? string.Empty);

    /// <summary>True for an event of the same kind read from the same line.</summary>
    public bool Equals(LogEvent? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (other.GetType() == GetType() && other.Raw == Raw && other.RawBytes.Span.SequenceEqual(RawBytes.Span)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LogEvent);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GetType(), Raw);

    /// <summary>The line, as <see cref="Raw"/>.</summary>
    public override string ToString() => Raw;
}
