namespace RconTyped.Logs.Parsing;

/// <summary>
/// Reads one Half-Life Log Standard line by hand, left to right over spans: no regular expressions, no exceptions, and
/// nothing allocated but the event and its strings. The header (UDP bytes, <c>L </c>, the timestamp) is read here; the
/// rest goes to <see cref="PlayerLineReaders"/> when it starts with a quote, else to <see cref="ServerLineReaders"/>.
/// What neither reads is an <see cref="UnknownLogEvent"/>.
/// </summary>
internal static class LogLineParser
{
    /// <summary>Longer lines are not read; they come out whole as <see cref="UnknownLogEvent"/>.</summary>
    public const int MaxLineLength = 64 * 1024;

    public static LogEvent Parse(string line)
    {
        string raw = TrimLine(line);
        if (raw.Length > MaxLineLength)
        {
            return new UnknownLogEvent(new LogLineHead(null, raw));
        }

        ReadOnlySpan<char> body = raw;
        LogGrammar.TrySkip(ref body, "L ");
        body = body[LogGrammar.ReadTimestamp(body, out DateTime? timestamp)..];
        var head = new LogLineHead(timestamp, raw);
        LogEvent? parsed = !body.IsEmpty && body[0] == '"' ? PlayerLineReaders.Read(head, body) : ServerLineReaders.Read(head, body);
        return parsed ?? new UnknownLogEvent(head);
    }

    /// <summary>The line without the UDP header (<c>FF FF FF FF 'R'</c> as Latin-1 characters) and without trailing line breaks or NULs.</summary>
    private static string TrimLine(string line)
    {
        int start = line.StartsWith("\u00FF\u00FF\u00FF\u00FFR", StringComparison.Ordinal) ? 5 : 0;
        int end = line.Length;
        while (end > start && line[end - 1] is '\n' or '\r' or '\0')
        {
            end--;
        }

        return start == 0 && end == line.Length ? line : line[start..end];
    }
}
