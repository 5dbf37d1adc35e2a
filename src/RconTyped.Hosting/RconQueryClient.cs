using RconTyped.Query;

namespace RconTyped.Hosting;

/// <summary>The one A2S client the host's query health checks share (one UDP socket for all of them); disposed with the host.</summary>
internal sealed class RconQueryClient : IAsyncDisposable
{
    public A2SClient Client { get; } = new(new A2SClientOptions { Retries = 1 });

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
