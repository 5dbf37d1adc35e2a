using RconTyped.Testing;

namespace RconTyped.Tests;

/// <summary>Shortcuts for tests: a connected, authenticated client for an emulated server.</summary>
internal static class Connect
{
    /// <summary>A guard on every await in tests: nothing may hang, so a test fails instead of stalling CI.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static async Task<RconClient> AuthenticatedAsync(EmulatedServer server, RconClientOptions? options = null)
    {
        var client = new RconClient(server.EndPoint, options);
        await client.ConnectAsync().WaitAsync(Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Guard);
        return client;
    }

    /// <summary>A client authenticated against a scripted server (whose script accepts any password).</summary>
    public static async Task<RconClient> AuthenticatedAsync(ScriptedServer server, RconClientOptions? options = null)
    {
        var client = new RconClient(server.EndPoint, options);
        await client.ConnectAsync().WaitAsync(Guard);
        await client.AuthenticateAsync("x").WaitAsync(Guard);
        return client;
    }
}
