using System.Buffers;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace RconTyped.Logs;

/// <summary>
/// What the UDP and HTTP log listeners share: the source checks, the bounded drop-oldest queue, the per-source state
/// (split lines, JSON blocks), and the counters behind <see cref="RconLogListenerStatistics"/>.
/// </summary>
internal sealed class LogEventQueue
{
    private const int MaxSources = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RconLogListenerOptions _options;
    private readonly Channel<LogEvent> _events;
    private readonly Dictionary<string, LogSourceState> _sources = [];
    private long _received, _queued, _notAllowed, _badSecret, _malformed, _overflowed, _busy;

    /// <summary>Checks the options both listeners take, and makes the queue.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port, the queue capacity or the body limit is out of range.</exception>
    public LogEventQueue(RconLogListenerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.BindAddress, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxHttpBodyBytes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxHttpBytesInFlight, options.MaxHttpBodyBytes, nameof(options));
        _options = options;
        _events = Channel.CreateBounded<LogEvent>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Increment(ref _overflowed));
    }

    public ChannelReader<LogEvent> Reader => _events.Reader;

    public RconLogListenerStatistics Statistics => new(
        Interlocked.Read(ref _received), Interlocked.Read(ref _queued), Interlocked.Read(ref _notAllowed),
        Interlocked.Read(ref _badSecret), Interlocked.Read(ref _malformed), Interlocked.Read(ref _overflowed), Interlocked.Read(ref _busy));

    /// <summary>Counts an arrival and checks its source against the allow-list; false (counted) when it is not allowed.</summary>
    public bool Admit(IPAddress source)
    {
        Interlocked.Increment(ref _received);
        IPAddress address = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        if (_options.AllowedSources.Count > 0 && !_options.AllowedSources.Any(allowed => allowed.Equals(address)))
        {
            Interlocked.Increment(ref _notAllowed);
            return false;
        }

        return true;
    }

    public void CountBadSecret() => Interlocked.Increment(ref _badSecret);

    public void CountMalformed(long count = 1) => Interlocked.Add(ref _malformed, count);

    public void CountBusy() => Interlocked.Increment(ref _busy);

    /// <summary>Queues the events of one whole line from the source whose <paramref name="state"/> it is (JSON blocks joined per source).</summary>
    public void AddLine(LogSourceState state, string line, ReadOnlyMemory<byte> invalidBytes = default)
    {
        foreach (LogEvent e in state.Assembler.Add(line))
        {
            if (!invalidBytes.IsEmpty)
            {
                e.RawBytes = invalidBytes;
            }

            if (_events.Writer.TryWrite(e))
            {
                Interlocked.Increment(ref _queued);
            }
        }
    }

    /// <summary>The state of one source; bounded, so spoofed sources cannot grow it without end.</summary>
    public LogSourceState State(string source)
    {
        lock (_sources)
        {
            if (!_sources.TryGetValue(source, out LogSourceState? state))
            {
                if (_sources.Count >= MaxSources)
                {
                    CountMalformed(_sources.Values.Count(s => s.Partial.Length > 0));
                    _sources.Clear();
                }

                state = new LogSourceState(_options.LineParser ?? LogEvent.Parse);
                _sources[source] = state;
            }

            return state;
        }
    }

    /// <summary>
    /// Queues the lines of one HTTP post from the server <paramref name="source"/> names (its instance token or address):
    /// decoded as UTF-8 (invalid bytes replaced, and the post's bytes kept on its events), then through that server's
    /// assembler one post at a time, as posts are handled concurrently.
    /// </summary>
    public void AddPost(string source, in ReadOnlySequence<byte> body)
    {
        string text = body.IsSingleSegment ? Decode(body.FirstSpan, out byte[]? invalid) : Decode(body.ToArray(), out invalid);
        LogSourceState state = State(source);
        lock (state)
        {
            foreach (string line in text.Split('\n'))
            {
                string trimmed = line.TrimEnd('\r', '\0');
                if (!string.IsNullOrWhiteSpace(trimmed))
                {
                    AddLine(state, trimmed, invalid);
                }
            }
        }
    }

    public void Complete(Exception? fault) => _events.Writer.TryComplete(fault);

    /// <summary>UTF-8 text; when the bytes are not valid UTF-8, the text with U+FFFD in their place and the bytes themselves (for <see cref="LogEvent.RawBytes"/>).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out byte[]? invalid)
    {
        invalid = null;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            invalid = bytes.ToArray();
            return Encoding.UTF8.GetString(bytes);
        }
    }
}
