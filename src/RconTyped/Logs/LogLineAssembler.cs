namespace RconTyped;

/// <summary>
/// Turns log lines into events, joining what spans several lines: CS2/CS:GO statistics blocks (<c>JSON_BEGIN{</c> …
/// <c>}}JSON_END</c>) become one <see cref="JsonStatisticsEvent"/>. A block is bounded (<see cref="MaxBlockLines"/>): past it,
/// its lines come out one by one as they are. Not thread-safe: one assembler per source of lines.
/// </summary>
public sealed class LogLineAssembler
{
    /// <summary>The most lines one statistics block may hold before it is given up.</summary>
    public const int MaxBlockLines = 4096;

    /// <summary>The lines of the block being read: each raw line and its text after the timestamp, read once.</summary>
    private readonly List<(string Raw, string Body)> _block = [];
    private DateTime? _blockTimestamp;

    /// <summary>Reads one line: none, one or (when a block is given up) several events.</summary>
    public IEnumerable<LogEvent> Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        LogEvent parsed = LogEvent.Parse(line);
        string body = Body(parsed);
        if (_block.Count == 0)
        {
            if (body.StartsWith("JSON_BEGIN{", StringComparison.Ordinal) && !body.Contains("}}JSON_END", StringComparison.Ordinal))
            {
                _block.Add((parsed.Raw, body));
                _blockTimestamp = parsed.Timestamp;
                return [];
            }

            return [parsed];
        }

        _block.Add((parsed.Raw, body));
        if (body.EndsWith("JSON_END", StringComparison.Ordinal))
        {
            var json = new System.Text.StringBuilder("{");
            for (int i = 1; i < _block.Count; i++)
            {
                string part = _block[i].Body;
                json.Append('\n').Append(i == _block.Count - 1 ? part[..^"JSON_END".Length] : part);
            }

            var block = new JsonStatisticsEvent(_blockTimestamp, string.Join('\n', _block.Select(line => line.Raw)), json.ToString());
            _block.Clear();
            return [block];
        }

        if (_block.Count >= MaxBlockLines)
        {
            return Flush();
        }

        return [];
    }

    /// <summary>The lines of an unfinished block, one event each (call at the end of the input).</summary>
    public IReadOnlyList<LogEvent> Flush()
    {
        LogEvent[] lines = [.. _block.Select(line => LogEvent.Parse(line.Raw))];
        _block.Clear();
        return lines;
    }

    /// <summary>Reads every line of a log: events in order, blocks joined.</summary>
    public static IEnumerable<LogEvent> ReadAll(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var assembler = new LogLineAssembler();
        while (reader.ReadLine() is { } line)
        {
            foreach (LogEvent e in assembler.Add(line))
            {
                yield return e;
            }
        }

        foreach (LogEvent e in assembler.Flush())
        {
            yield return e;
        }
    }

    /// <summary>The text after the timestamp (<c>L MM/dd/yyyy - HH:mm:ss: </c> or the HTTP form's <c>MM/dd/yyyy - HH:mm:ss.fff - </c>).</summary>
    internal static string Body(LogEvent parsed)
    {
        string raw = parsed.Raw;
        int start = raw.StartsWith("L ", StringComparison.Ordinal) ? 2 : 0;
        if (parsed.Timestamp is null)
        {
            return raw[start..];
        }

        int length = raw.Length > start + 21 && raw[start + 21] == '.' ? 28 : 23;
        return raw[Math.Min(raw.Length, start + length)..];
    }
}
