using RconTyped.Testing;

namespace RconTyped.Generators.Tests;

/// <summary>A client connected and authenticated to an emulated server, for the typed-call tests.</summary>
internal static class EmulatorConnection
{
    /// <summary>How long any step may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static async Task<RconClient> ConnectAsync(EmulatedServer server)
    {
        var client = new RconClient(server.EndPoint);
        await client.ConnectAsync().WaitAsync(Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Guard);
        return client;
    }
}
