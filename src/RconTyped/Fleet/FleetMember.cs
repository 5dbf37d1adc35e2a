namespace RconTyped;

/// <summary>One server of a persistent fleet and its shared client slot.</summary>
internal sealed class FleetMember(RconFleetServer server) : IAsyncDisposable
{
    private readonly RconClientSlot _slot = new(
        () =>
        {
            (string host, int port) = RconAddress.Parse(server.Address);
            return new RconClient(host, port, server.Options ?? new RconClientOptions { Reconnect = new RconReconnectPolicy() });
        },
        () => server.Password);

    public RconFleetServer Server { get; } = server;

    /// <inheritdoc cref="RconClientSlot.GetClientAsync"/>
    public ValueTask<RconClient> ClientAsync(CancellationToken cancellationToken) => _slot.GetClientAsync(cancellationToken);

    public ValueTask DisposeAsync() => _slot.DisposeAsync();
}
