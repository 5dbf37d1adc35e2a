using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using RconTyped.Protocol;

namespace RconTyped;

/// <summary>An <see cref="RconClientOptions"/> checked and frozen when the client is created, shared by its connections.</summary>
internal sealed class ClientSettings
{
    private ClientSettings(EndPoint endPoint, RconClientOptions options)
    {
        EndPoint = endPoint;
        Display = endPoint switch
        {
            DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            _ => endPoint.ToString() ?? "server",
        };
        ConnectTimeout = options.ConnectTimeout;
        CommandTimeout = options.CommandTimeout;
        InitialDialect = options.Dialect;
        MaxPacketSize = options.MaxPacketSize;
        MaxResponseBytes = options.MaxResponseBytes;
        Logger = options.Logger;
        Reconnect = options.Reconnect;
        Time = options.TimeProvider;
        ConnectionFactory = options.ConnectionFactory;

        (CommandEncoding, AnswerEncoding, LenientEncoding) = ReferenceEquals(options.Encoding, RconClientOptions.DefaultEncoding)
            ? (options.ReplaceInvalidBytes ? DefaultEncodingsReplacing : DefaultEncodings)
            : CopiesOf(options.Encoding, options.ReplaceInvalidBytes);
    }

    /// <summary>The copies for the default encoding, shared by every client that keeps it (they are immutable once made).</summary>
    private static (Encoding Command, Encoding Answer, Encoding Lenient) DefaultEncodings { get; } = CopiesOf(RconClientOptions.DefaultEncoding, replaceInvalidBytes: false);

    private static (Encoding Command, Encoding Answer, Encoding Lenient) DefaultEncodingsReplacing { get; } = CopiesOf(RconClientOptions.DefaultEncoding, replaceInvalidBytes: true);

    public EndPoint EndPoint { get; }

    /// <summary>The endpoint as messages show it.</summary>
    public string Display { get; }

    public TimeSpan ConnectTimeout { get; }

    public TimeSpan CommandTimeout { get; }

    public RconDialect InitialDialect { get; }

    public int MaxPacketSize { get; }

    public int MaxResponseBytes { get; }

    public ILogger? Logger { get; }

    public RconReconnectPolicy? Reconnect { get; }

    public TimeProvider Time { get; }

    public Func<EndPoint, CancellationToken, ValueTask<Stream>>? ConnectionFactory { get; }

    public Encoding CommandEncoding { get; }

    public Encoding AnswerEncoding { get; }

    /// <summary>For logs and events: invalid bytes become U+FFFD, never an exception.</summary>
    public Encoding LenientEncoding { get; }

    public bool IsTraceEnabled => Logger is not null && Logger.IsEnabled(LogLevel.Trace);

    public static ClientSettings Create(EndPoint endPoint, RconClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= new RconClientOptions();
        ArgumentNullException.ThrowIfNull(options.Dialect, "options.Dialect");
        ArgumentNullException.ThrowIfNull(options.Encoding, "options.Encoding");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ValidateTimeout(options.ConnectTimeout, "options.ConnectTimeout");
        ValidateTimeout(options.CommandTimeout, "options.CommandTimeout");
        if (options.MaxPacketSize < 4096 + RconCodec.MinimumSizeField)
        {
            throw new ArgumentOutOfRangeException("options.MaxPacketSize", options.MaxPacketSize, "MaxPacketSize must be at least 4106: srcds sends packets with 4096-byte bodies.");
        }

        if (options.MaxResponseBytes < 1)
        {
            throw new ArgumentOutOfRangeException("options.MaxResponseBytes", options.MaxResponseBytes, "MaxResponseBytes must be positive.");
        }

        return new ClientSettings(endPoint, options);
    }

    /// <summary>
    /// Private copies with explicit fallbacks: a command that cannot be encoded is refused, an answer that cannot be
    /// decoded raises RconEncodingException (or gets U+FFFD when asked for); logs and events never throw on a body.
    /// </summary>
    private static (Encoding Command, Encoding Answer, Encoding Lenient) CopiesOf(Encoding encoding, bool replaceInvalidBytes)
    {
        var command = (Encoding)encoding.Clone();
        command.EncoderFallback = EncoderFallback.ExceptionFallback;
        var answer = (Encoding)encoding.Clone();
        answer.DecoderFallback = replaceInvalidBytes ? new DecoderReplacementFallback("\uFFFD") : DecoderFallback.ExceptionFallback;
        var lenient = (Encoding)encoding.Clone();
        lenient.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
        return (command, answer, lenient);
    }

    private static void ValidateTimeout(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
    }
}
