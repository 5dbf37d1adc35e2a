namespace RconTyped.Testing.Tests;

/// <summary>Code written against the emulator's former name still compiles and runs (with a warning that says the new one).</summary>
public class FormerNameTests
{
    [Fact]
    public async Task EmulatedSourceServer_still_starts_an_emulated_server()
    {
        await using EmulatedServer server = StartUnderFormerName();
        await using var client = new RconClient(server.EndPoint);
        await client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await client.AuthenticateAsync(server.Password).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("old name\n", await client.ExecuteAsync("echo old name").WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("EmulatedSourceServer", server.GetType().Name);
    }

#pragma warning disable CS0618 // the obsolete alias is what this test is about
    private static EmulatedServer StartUnderFormerName() => EmulatedSourceServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
#pragma warning restore CS0618
}
