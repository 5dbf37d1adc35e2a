namespace RconTyped.AspNetCore;

/// <summary>
/// The Kestrel limits <see cref="RconHttpLogListener"/> sets on purpose: an HTTP log endpoint faces the network, and a
/// game server sends each post whole and at once, so a sender that is slow or silent is not a game server.
/// </summary>
public sealed class RconHttpLogLimits
{
    /// <summary>How long a connection may take to send a request's headers. Default 5 s (Kestrel's own default is 30 s).</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an idle kept-alive connection stays open. Default 30 s.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The slowest a body may arrive, in bytes a second, once <see cref="MinBodyRateGracePeriod"/> has passed. Default 240.</summary>
    public double MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body may arrive slower than <see cref="MinBodyBytesPerSecond"/> at its start. Default 3 s (more than 1 s).</summary>
    public TimeSpan MinBodyRateGracePeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The most connections open at once; past it new ones are closed at once. Default 4,096; null for no limit.</summary>
    public long? MaxConnections { get; set; } = 4096;

    /// <summary>Checks the values, naming the first one out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestHeadersTimeout, TimeSpan.Zero, nameof(RequestHeadersTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveTimeout, TimeSpan.Zero, nameof(KeepAliveTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinBodyBytesPerSecond, nameof(MinBodyBytesPerSecond));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinBodyRateGracePeriod, TimeSpan.FromSeconds(1), nameof(MinBodyRateGracePeriod));
        if (MaxConnections is { } connections)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections, nameof(MaxConnections));
        }
    }
}
