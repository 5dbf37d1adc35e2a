namespace RconTyped.Hosting;

/// <summary>
/// One shared, connected and authenticated <see cref="RconClient"/> per configured server, like a
/// StackExchange.Redis <c>ConnectionMultiplexer</c>: created on first use, reconnected by default, disposed with the host.
/// </summary>
public interface IRconClientFactory
{
    /// <summary>The names of the configured servers.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>
    /// The client of the server named <paramref name="name"/> (any case), connected and authenticated. Concurrent callers
    /// share one attempt, and <paramref name="cancellationToken"/> cancels only this caller's wait; a failed attempt is not
    /// kept, so the next call tries again.
    /// </summary>
    /// <exception cref="ArgumentException">No server has that name.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The server's settings are wrong; the message names the server and the setting.</exception>
    /// <exception cref="RconException">Connecting or authenticating failed.</exception>
    ValueTask<RconClient> GetClientAsync(string name, CancellationToken cancellationToken = default);
}
