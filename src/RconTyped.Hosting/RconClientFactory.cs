using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RconTyped.Hosting;

/// <summary>
/// The <see cref="IRconClientFactory"/> that <c>AddRcon</c> registers as a singleton: one <see cref="RconClientSlot"/>
/// per name, made from the named <see cref="RconServerSettings"/> (<see cref="IOptionsMonitor{TOptions}.Get(string)"/>),
/// in the way <c>DefaultHttpClientFactory</c> reads its named options. When a server's settings change (a configuration
/// reload), the next call connects with the new ones; the old slot is closed, unless a typed server holds its client
/// (then it stays open, with the settings it was made with, until the host stops).
/// </summary>
internal sealed partial class RconClientFactory : IRconClientFactory, IAsyncDisposable, IDisposable
{
    private readonly IOptionsMonitor<RconServerSettings> _settings;
    private readonly RconServerNames _names;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, RconClientSlot> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RconClientSlot> _held = [];
    private readonly List<Task> _closing = [];
    private readonly IDisposable? _changes;
    private bool _disposed;

    public RconClientFactory(IOptionsMonitor<RconServerSettings> settings, RconServerNames names, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        _settings = settings;
        _names = names;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("RconTyped.Hosting");
        _time = time ?? TimeProvider.System;
        _changes = settings.OnChange((_, name) => OnSettingsChanged(name));
    }

    public IReadOnlyCollection<string> Names => _names.All;

    public ValueTask<RconClient> GetClientAsync(string name, CancellationToken cancellationToken = default) =>
        Slot(name).GetClientAsync(cancellationToken);

    /// <summary>The named server's current client, which may still be connecting (its commands wait): for typed servers the container builds synchronously.</summary>
    public RconClient CurrentClient(string name)
    {
        // Under the factory's lock, so a reload cannot retire the slot between handing the client out and marking it so.
        lock (_slots)
        {
            return Slot(name).CurrentClient();
        }
    }

    private RconClientSlot Slot(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string registered = _names.Registered(name)
            ?? throw new ArgumentException($"No RCON server named '{name}' is configured; add it under Rcon:Servers ({string.Join(", ", Names)} are).", nameof(name));
        lock (_slots)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_slots.TryGetValue(registered, out RconClientSlot? slot))
            {
                // Validated here too (IValidateOptions), for containers built without a host to run ValidateOnStart.
                RconServerSettings settings = _settings.Get(registered);
                slot = CreateSlot(registered, settings);
                _slots.Add(registered, slot);
            }

            return slot;
        }
    }

    private RconClientSlot CreateSlot(string name, RconServerSettings settings)
    {
        RconClientOptions options = settings.CreateClientOptions(_loggerFactory.CreateLogger<RconClient>(), _time);
        return new RconClientSlot(
            () =>
            {
                (string host, int port) = RconAddress.Parse(settings.Address);
                return new RconClient(host, port, options);
            },
            () => settings.ResolvePassword(Environment.GetEnvironmentVariable),
            settings.CreateKeepAlive(_time),
            e => LogKeepAliveFailed(_logger, name, e.Message),
            _ => LogConnected(_logger, name, settings.Address));
    }

    private void OnSettingsChanged(string? name)
    {
        RconClientSlot? retired = null;
        lock (_slots)
        {
            if (name is not null && !_disposed && _slots.Remove(name, out retired))
            {
                if (retired.HandedOut)
                {
                    // A typed server holds this slot's client for its life: closing it would break the server for good.
                    _held.Add(retired);
                }
                else
                {
                    _closing.RemoveAll(static t => t.IsCompleted);
                    _closing.Add(retired.DisposeAsync().AsTask());
                }
            }
        }

        if (retired is not null)
        {
            LogSettingsChanged(_logger, name!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        RconClientSlot[] slots;
        Task[] closing;
        lock (_slots)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            slots = [.. _slots.Values, .. _held];
            _slots.Clear();
            _held.Clear();
            closing = [.. _closing];
        }

        _changes?.Dispose();
        foreach (RconClientSlot slot in slots)
        {
            await slot.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
    }

    /// <summary>For containers disposed synchronously (a plain <c>ServiceProvider.Dispose()</c>), which refuse async-only services.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(1, LogLevel.Information, "RCON server {Name} ({Address}) connected and authenticated")]
    private static partial void LogConnected(ILogger logger, string name, string address);

    [LoggerMessage(2, LogLevel.Warning, "RCON keep-alive to {Name} failed: {Reason}")]
    private static partial void LogKeepAliveFailed(ILogger logger, string name, string reason);

    [LoggerMessage(3, LogLevel.Information, "RCON server {Name}: settings changed; the next call connects with the new ones (a typed server keeps the client it has)")]
    private static partial void LogSettingsChanged(ILogger logger, string name);
}
