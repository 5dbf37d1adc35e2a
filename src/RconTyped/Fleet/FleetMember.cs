namespace RconTyped;

/// <summary>One server of a persistent fleet and its client: created on first use, replaced when it has closed for good.</summary>
internal sealed class FleetMember(RconFleetServer server) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RconClient? _client;
    private bool _disposed;

    public RconFleetServer Server { get; } = server;

    /// <summary>The connected, authenticated client; connects (or connects again) when there is none that works.</summary>
    public async ValueTask<RconClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsAuthenticated: true } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_client is { IsClosed: false } current && (current.IsAuthenticated || IsReconnecting(current)))
            {
                return current;
            }

            if (_client is not null)
            {
                await _client.DisposeAsync().ConfigureAwait(false);
                _client = null;
            }

            (string host, int port) = RconAddress.Parse(Server.Address);
            var fresh = new RconClient(host, port, Server.Options ?? new RconClientOptions { Reconnect = new RconReconnectPolicy() });
            try
            {
                await fresh.ConnectAsync(cancellationToken).ConfigureAwait(false);
                await fresh.AuthenticateAsync(Server.Password, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await fresh.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _client = fresh;
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A client between connections: its commands wait for the reconnection, so it is kept.</summary>
    private static bool IsReconnecting(RconClient client) => client.State == RconClientState.Reconnecting;

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_client is not null)
            {
                await _client.DisposeAsync().ConfigureAwait(false);
                _client = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
