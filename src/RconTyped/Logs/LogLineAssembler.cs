namespace RconTyped.Logs;

/// <summary>
/// Turns log lines into events, joining what spans several lines: CS2/CS:GO statistics blocks (<c>JSON_BEGIN{</c> …
/// <c>}}JSON_END</c>) become one <see cref="JsonStatisticsEvent"/>. A block is bounded (<see cref="MaxBlockLines"/> lines,
/// <see cref="MaxBlockChars"/> characters), and a line that reads as an event of its own is not part of one: either ends
/// the block unfinished, and its lines come out one by one as they are. Not thread-safe: one assembler per source of lines.
/// </summary>
public sealed class LogLineAssembler
{
    /// <summary>The most lines one statistics block may hold before it is given up.</summary>
    public const int MaxBlockLines = 4096;

    /// <summary>The most characters one statistics block may hold before it is given up (CS2's round blocks are about 6,000).</summary>
    public const int MaxBlockChars = 1 << 20;

    /// <summary>The lines of the block being read, each as its event (they are read once) and its text after the timestamp.</summary>
    private readonly List<(LogEvent Line, string Body)> _block = [];
    private readonly Func<string, LogEvent> _parse;
    private int _blockChars;

    /// <summary>An assembler that parses with <see cref="LogEvent.Parse"/>.</summary>
    public LogLineAssembler()
        : this(LogEvent.Parse)
    {
    }

    /// <summary>An assembler with another parser (tests make one that fails).</summary>
    internal LogLineAssembler(Func<string, LogEvent> parse) => _parse = parse;

    /// <summary>Reads one line: none, one or (when a block is given up) several events.</summary>
    public IReadOnlyList<LogEvent> Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        LogEvent parsed = _parse(line);
        string body = Body(parsed);
        if (_block.Count == 0)
        {
            return Start(parsed, body);
        }

        if (parsed is not UnknownLogEvent)
        {
            // A kill, a chat line, a new JSON_BEGIN: the block it would have joined never ended.
            return [.. Flush(), .. Start(parsed, body)];
        }

        Append(parsed, body);
        if (body.EndsWith("JSON_END", StringComparison.Ordinal))
        {
            var json = new System.Text.StringBuilder("{", _blockChars);
            for (int i = 1; i < _block.Count; i++)
            {
                string part = _block[i].Body;
                json.Append('\n').Append(i == _block.Count - 1 ? part[..^"JSON_END".Length] : part);
            }

            var block = new JsonStatisticsEvent(new LogLineHead(_block[0].Line.Timestamp, string.Join('\n', _block.Select(entry => entry.Line.Raw))), json.ToString());
            Clear();
            return [block];
        }

        return _block.Count >= MaxBlockLines || _blockChars >= MaxBlockChars ? Flush() : [];
    }

    /// <summary>The lines of an unfinished block, one event each (call at the end of the input).</summary>
    public IReadOnlyList<LogEvent> Flush()
    {
        LogEvent[] lines = [.. _block.Select(entry => entry.Line)];
        Clear();
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

    /// <summary>A line outside a block: an event, or the first line of a block.</summary>
    private IReadOnlyList<LogEvent> Start(LogEvent parsed, string body)
    {
        if (body.StartsWith("JSON_BEGIN{", StringComparison.Ordinal) && !body.Contains("}}JSON_END", StringComparison.Ordinal))
        {
            Append(parsed, body);
            return [];
        }

        return [parsed];
    }

    private void Append(LogEvent line, string body)
    {
        _block.Add((line, body));
        _blockChars += line.Raw.Length;
    }

    private void Clear()
    {
        _block.Clear();
        _blockChars = 0;
    }
}
