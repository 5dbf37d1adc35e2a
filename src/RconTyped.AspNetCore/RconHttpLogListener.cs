using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RconTyped.Logs;

namespace RconTyped.AspNetCore;

/// <summary>
/// An HTTP log listener on a Kestrel of its own, for CS2's <c>logaddress_add_http "URL"</c> where there is no ASP.NET Core
/// app to map <c>MapRconLogs</c> into. Kestrel handles each connection without a thread of its own and enforces the limits
/// of <see cref="RconHttpLogLimits"/> (header timeout, minimum body rate, body size, connection count), so slow or silent
/// connections cannot delay a real server's posts; the checks are <see cref="RconLogReceiver"/>'s.
/// </summary>
/// <example>
/// <code>
/// await using var logs = new RconHttpLogListener(new RconLogListenerOptions { Port = 27500, Secret = "s3cret" });
/// await logs.StartAsync(ct);
/// await using var stream = await client.StartHttpLogStreamAsync(logs, cancellationToken: ct);   // logaddress_add_http
/// await foreach (LogEvent e in logs.ReadAllAsync(ct)) { … }
/// </code>
/// </example>
public sealed class RconHttpLogListener : IAsyncDisposable
{
    /// <summary>How long <see cref="DisposeAsync"/> lets posts being read finish before their connections are closed.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly RconLogListenerOptions _options;
    private readonly RconHttpLogLimits _limits;
    private readonly RconLogReceiver _receiver;
    private WebApplication? _app;
    private Uri? _uri;
    private int _disposed;

    /// <summary>Creates a listener; <see cref="StartAsync"/> binds it.</summary>
    /// <param name="options">Where to listen, which sources and secret to accept, the queue and body bounds.</param>
    /// <param name="limits">Kestrel's limits; default <see cref="RconHttpLogLimits"/>'s.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public RconHttpLogListener(RconLogListenerOptions? options = null, RconHttpLogLimits? limits = null)
    {
        _options = options ?? new RconLogListenerOptions();
        _limits = limits ?? new RconHttpLogLimits();
        _limits.Validate();
        _receiver = new RconLogReceiver(_options);
    }

    /// <summary>
    /// The URL to give the server (<c>logaddress_add_http</c>): <c>http://ADDRESS:PORT/</c>, or <c>http://ADDRESS:PORT/SECRET</c>
    /// with a secret. When bound to every address, ADDRESS is 127.0.0.1; give the server your reachable address instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not started.</exception>
    public Uri Uri => _uri ?? throw new InvalidOperationException("The listener is not started: call StartAsync first.");

    /// <summary>The port it listens on, once started (the one Kestrel chose when <see cref="RconLogListenerOptions.Port"/> is 0).</summary>
    public int Port { get; private set; }

    /// <summary>What was received and dropped so far.</summary>
    public RconLogListenerStatistics Statistics => _receiver.Statistics;

    /// <summary>The body bytes of the posts being read now (for tests).</summary>
    internal long BytesInFlight => _receiver.BytesInFlight;

    /// <summary>Binds the port and starts serving.</summary>
    /// <exception cref="IOException">The address or port cannot be bound (in use, not local).</exception>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_app is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(ConfigureKestrel);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>(); // the process's signals stay its owner's
        WebApplication app = builder.Build();
        app.Run(context => _receiver.HandleAsync(context, PathSecret(context.Request.Path.Value)));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _app = app;
        Port = BoundPort(app);
        bool any = _options.BindAddress.Equals(IPAddress.Any) || _options.BindAddress.Equals(IPAddress.IPv6Any);
        string host = any ? "127.0.0.1" : _options.BindAddress.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{_options.BindAddress}]" : _options.BindAddress.ToString();
        _uri = new Uri($"http://{host}:{Port}/{(string.IsNullOrEmpty(_options.Secret) ? string.Empty : Uri.EscapeDataString(_options.Secret))}");
    }

    /// <summary>The events as they arrive, until the listener is disposed. Meant for one reader at a time.</summary>
    public IAsyncEnumerable<LogEvent> ReadAllAsync(CancellationToken cancellationToken = default) => _receiver.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Stops listening: posts being read get a moment to finish, then their connections are closed; then
    /// <see cref="ReadAllAsync"/> ends once the queued events are read.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_app is not null)
        {
            using (var grace = new CancellationTokenSource(StopGrace))
            {
                await _app.StopAsync(grace.Token).ConfigureAwait(false);
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _receiver.Dispose();
    }

    private void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        KestrelServerLimits limits = kestrel.Limits;
        limits.MaxConcurrentConnections = _limits.MaxConnections;
        limits.MaxConcurrentUpgradedConnections = 0;
        limits.RequestHeadersTimeout = _limits.RequestHeadersTimeout;
        limits.KeepAliveTimeout = _limits.KeepAliveTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(_limits.MinBodyBytesPerSecond, _limits.MinBodyRateGracePeriod);
        limits.MaxRequestBodySize = _options.MaxHttpBodyBytes;
        kestrel.Listen(_options.BindAddress, _options.Port, listen => listen.Protocols = HttpProtocols.Http1);
    }

    /// <summary>The secret a request presents: its path without the leading slash, unescaped; null for <c>/</c>.</summary>
    private static string? PathSecret(string? path) =>
        string.IsNullOrEmpty(path) || path == "/" ? null : Uri.UnescapeDataString(path.TrimStart('/'));

    /// <summary>The port Kestrel bound, read back from its addresses (port 0 lets it choose: no probe-then-bind race).</summary>
    private static int BoundPort(WebApplication app)
    {
        ICollection<string> addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return new Uri(addresses.First()).Port;
    }
}
