using System.Net;

namespace RconTyped.Logs;

/// <summary>Settings of a <see cref="RconLogListener"/>.</summary>
public sealed class RconLogListenerOptions
{
    /// <summary>The address to listen on. Default <see cref="IPAddress.Any"/>; use <see cref="IPAddress.Loopback"/> for a server on this machine.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Any;

    /// <summary>The UDP port; 0 (the default) picks a free one (see <see cref="RconLogListener.EndPoint"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// The servers allowed to send logs. Datagrams from other addresses are dropped and counted. Empty (the default)
    /// allows any address: UDP source addresses can be spoofed, so set this, and <see cref="Secret"/>, on a public network.
    /// </summary>
    public IList<IPAddress> AllowedSources { get; } = [];

    /// <summary>
    /// The server's <c>sv_logsecret</c>. When set, only datagrams signed with it (<c>FF FF FF FF 'S' secret</c>) are read;
    /// unsigned ones and wrong secrets are dropped and counted. Default null: unsigned datagrams are read. Over HTTP, where
    /// CS2 signs nothing a listener can check, the secret is the URL's path (RconTyped.AspNetCore's <c>RconHttpLogListener.Uri</c>), and
    /// posts to any other path are dropped and counted.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How many events wait for the reader at most; past it the oldest are lost and counted. Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The largest HTTP body the HTTP listeners (RconTyped.AspNetCore) read; larger posts are refused (413) and counted. Default 1 MiB.</summary>
    public int MaxHttpBodyBytes { get; set; } = 1 << 20;

    /// <summary>
    /// The most body bytes the HTTP listeners hold at once, over all posts being read: past it a post is refused (503) and
    /// counted in <see cref="RconLogListenerStatistics.Busy"/>, so many slow senders cannot hold memory without bound. Default 32 MiB.
    /// </summary>
    public long MaxHttpBytesInFlight { get; set; } = 32L << 20;

    /// <summary>How long the first part of a line split across datagrams waits for the rest. Default 5 s.</summary>
    public TimeSpan FragmentTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock for <see cref="FragmentTimeout"/>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Parses each line instead of <see cref="LogEvent.Parse"/>: for tests that need a line to fail.</summary>
    internal Func<string, LogEvent>? LineParser { get; set; }
}
