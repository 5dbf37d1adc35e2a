using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using RconTyped.Protocol;

namespace RconTyped;

/// <summary>Settings of an <see cref="RconClient"/>, read once when the client is created.</summary>
public sealed class RconClientOptions
{
    /// <summary>How long <see cref="RconClient.ConnectAsync"/> may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long authentication and each command may wait for a complete answer; <see cref="Timeout.InfiniteTimeSpan"/>
    /// waits forever. Default 10 seconds. A timeout raises <see cref="RconTimeoutException"/> and keeps the connection.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The server's dialect. Default <see cref="RconDialect.Auto"/>, which tells Source 1 from CS2 at authentication.</summary>
    public RconDialect Dialect { get; set; } = RconDialect.Auto;

    /// <summary>The encoding of commands and answers. Default UTF-8. Answers are decoded after reassembly, never trimmed.</summary>
    public Encoding Encoding { get; set; } = DefaultEncoding;

    /// <summary>UTF-8 without a byte order mark: the default <see cref="Encoding"/>, one instance for every client.</summary>
    internal static Encoding DefaultEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// When true, bytes that are invalid in <see cref="Encoding"/> become U+FFFD; when false (the default),
    /// reading such an answer's text raises <see cref="RconEncodingException"/>.
    /// </summary>
    public bool ReplaceInvalidBytes { get; set; }

    /// <summary>
    /// The largest size field accepted in an inbound packet, 4 MiB by default (CS2 sends long answers as one packet).
    /// A larger size field is a protocol error and the client never allocates for it.
    /// </summary>
    public int MaxPacketSize { get; set; } = RconCodec.DefaultMaxPacketSize;

    /// <summary>The most bytes one reassembled answer may hold, 8 MiB by default; beyond it the client raises <see cref="RconProtocolException"/>.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Reconnection after a dropped connection; null (the default) closes the client instead.</summary>
    public RconReconnectPolicy? Reconnect { get; set; }

    /// <summary>Optional logger: connection events at Debug, every packet at Trace (authentication bodies never).</summary>
    public ILogger? Logger { get; set; }

    /// <summary>
    /// Opens the stream the client talks over, for the first connection and for every reconnection; null (the default)
    /// opens a TCP connection to the client's endpoint. Return a connected stream: a TLS stream to a terminator in front
    /// of the server, a tunnel, a proxy connection, or an in-memory stream in tests. The client owns the stream and
    /// disposes it when the connection ends. <see cref="ConnectTimeout"/> applies to the call.
    /// </summary>
    public Func<EndPoint, CancellationToken, ValueTask<Stream>>? ConnectionFactory { get; set; }

    /// <summary>
    /// The clock behind command timeouts, the connect timeout, reconnection backoff and the Palworld short-packet wait.
    /// Default <see cref="TimeProvider.System"/>; tests pass a fake one to move time by hand.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
