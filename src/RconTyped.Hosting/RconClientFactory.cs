using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RconTyped.Hosting;

/// <summary>The <see cref="IRconClientFactory"/> that <c>AddRcon</c> registers as a singleton.</summary>
internal sealed partial class RconClientFactory : IRconClientFactory, IAsyncDisposable, IDisposable
{
    private readonly RconHostingOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<string, string?> _environment;
    private readonly ConcurrentDictionary<string, Lazy<Task<RconClient>>> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _keepAlives = [];

    public RconClientFactory(IOptions<RconHostingOptions> options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
        : this(options.Value, loggerFactory, time, Environment.GetEnvironmentVariable)
    {
    }

    internal RconClientFactory(RconHostingOptions options, ILoggerFactory? loggerFactory, TimeProvider? time, Func<string, string?> environment)
    {
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("RconTyped.Hosting");
        _time = time ?? TimeProvider.System;
        _environment = environment;
    }

    public IReadOnlyCollection<string> Names => _options.Servers.Keys;

    public async ValueTask<RconClient> GetClientAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (!_options.Servers.TryGetValue(name, out RconServerSettings? settings))
        {
            throw new ArgumentException($"No RCON server named '{name}' is configured; add it under Rcon:Servers ({string.Join(", ", Names)} are).", nameof(name));
        }

        while (true)
        {
            Lazy<Task<RconClient>> entry = _clients.GetOrAdd(name, _ => new Lazy<Task<RconClient>>(() => ConnectAsync(name, settings)));
            try
            {
                // The shared attempt is not cancelled by one caller: only this caller's wait is.
                RconClient client = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!client.IsClosed)
                {
                    return client;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && entry.Value.IsCompleted)
            {
                _clients.TryRemove(new KeyValuePair<string, Lazy<Task<RconClient>>>(name, entry));
                throw;
            }

            // Closed for good (a wrong password after a reconnect, a protocol error): the next attempt starts afresh.
            _clients.TryRemove(new KeyValuePair<string, Lazy<Task<RconClient>>>(name, entry));
        }
    }

    private async Task<RconClient> ConnectAsync(string name, RconServerSettings settings)
    {
        string password = Password(name, settings);
        RconDialect dialect = settings.Dialect is { Length: > 0 } id
            ? RconDialect.FindKnown(id) ?? throw new ArgumentException($"Rcon:Servers:{name}:Dialect '{id}' is not one of {string.Join(", ", RconDialect.Known.Select(d => d.Id))}.")
            : RconDialect.Auto;
        var options = new RconClientOptions
        {
            Dialect = dialect,
            Logger = _loggerFactory.CreateLogger<RconClient>(),
            TimeProvider = _time,
            Reconnect = settings.Reconnect ? new RconReconnectPolicy() : null,
        };
        if (settings.CommandTimeout is { } timeout)
        {
            options.CommandTimeout = timeout;
        }

        (string host, int port) address;
        try
        {
            address = RconAddress.Parse(settings.Address);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Rcon:Servers:{name}:Address '{settings.Address}' is not host:port ({e.Message}).", e);
        }

        RconClient client = new(address.host, address.port, options);
        try
        {
            await client.ConnectAsync(_stopping.Token).ConfigureAwait(false);
            await client.AuthenticateAsync(password, _stopping.Token).ConfigureAwait(false);
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        LogConnected(_logger, name, settings.Address);
        if (settings.KeepAliveInterval is { } interval && interval > TimeSpan.Zero)
        {
            _keepAlives.Add(KeepAliveAsync(name, client, interval, settings.KeepAliveCommand, _stopping.Token));
        }

        return client;
    }

    private string Password(string name, RconServerSettings settings)
    {
        if (settings.PasswordVariable is { Length: > 0 } variable)
        {
            return _environment(variable) is { Length: > 0 } value
                ? value
                : throw new ArgumentException($"Rcon:Servers:{name}: the environment variable {variable} (PasswordVariable) is not set.");
        }

        return settings.Password is { Length: > 0 } password
            ? password
            : throw new ArgumentException($"Rcon:Servers:{name} has no password: set PasswordVariable (preferred) or Password.");
    }

    /// <summary>Sends the keep-alive command on a timer until the host stops; a failure is logged, never thrown.</summary>
    private async Task KeepAliveAsync(string name, RconClient client, TimeSpan interval, string command, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                if (client.IsClosed)
                {
                    return;
                }

                try
                {
                    await client.ExecuteAsync(command, stopping).ConfigureAwait(false);
                }
                catch (Exception e) when (e is RconException or InvalidOperationException)
                {
                    LogKeepAliveFailed(_logger, name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_keepAlives).ConfigureAwait(false);
        foreach (Lazy<Task<RconClient>> entry in _clients.Values)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
            {
                await entry.Value.Result.DisposeAsync().ConfigureAwait(false);
            }
        }

        _stopping.Dispose();
    }

    /// <summary>For containers disposed synchronously (a plain <c>ServiceProvider.Dispose()</c>), which refuse async-only services.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(1, LogLevel.Information, "RCON server {Name} ({Address}) connected and authenticated")]
    private static partial void LogConnected(ILogger logger, string name, string address);

    [LoggerMessage(2, LogLevel.Warning, "RCON keep-alive to {Name} failed: {Reason}")]
    private static partial void LogKeepAliveFailed(ILogger logger, string name, string reason);
}
