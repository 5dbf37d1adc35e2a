using RconTyped.Testing;

namespace RconTyped.Tests.Client;

/// <summary>Each emulated game mode with its dialect, and what goes wrong without it.</summary>
public class EmulatedDialectTests
{
    [Theory]
    [InlineData(EmulatedServerMode.Factorio, "Factorio")]
    [InlineData(EmulatedServerMode.Ark, "ARK")]
    [InlineData(EmulatedServerMode.ConanExiles, "Conan Exiles")]
    [InlineData(EmulatedServerMode.Squad, "Source")]
    [InlineData(EmulatedServerMode.Rust, "CS2")]
    public async Task Each_game_answers_whole_through_its_dialect(EmulatedServerMode mode, string dialect)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        server.Console.AddCommand("quiet", _ => string.Empty);
        var chosen = new[] { RconDialect.Factorio, RconDialect.Ark, RconDialect.ConanExiles, RconDialect.Source, RconDialect.Cs2 }.Single(d => d.Name == dialect);
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = chosen });
        int unsolicited = 0;
        client.UnsolicitedPacket += (_, _) => Interlocked.Increment(ref unsolicited);

        Assert.Equal("one\n", await client.ExecuteAsync("echo one").WaitAsync(Connect.Guard));
        Assert.Equal(string.Empty, await client.ExecuteAsync("quiet").WaitAsync(Connect.Guard));
        Assert.Equal("two\n", await client.ExecuteAsync("echo two").WaitAsync(Connect.Guard));
        Assert.Equal(mode is EmulatedServerMode.Squad or EmulatedServerMode.Rust ? 3 : 0, unsolicited);
    }

    [Theory]
    [InlineData(EmulatedServerMode.Ark)]
    [InlineData(EmulatedServerMode.Factorio)]
    public async Task Auto_takes_them_for_srcds_and_the_mirror_is_never_answered(EmulatedServerMode mode)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { CommandTimeout = TimeSpan.FromSeconds(2), TimeProvider = time });

        Assert.Equal("Source", client.Dialect.Name);
        Task<string> neverEnds = client.ExecuteAsync("echo hi");
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<RconTimeoutException>(() => neverEnds.WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Conan_closes_after_its_rate_limit_and_the_client_says_why()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.ConanExiles, RateLimit = 3 });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.ConanExiles });

        for (int i = 0; i < 3; i++)
        {
            await client.ExecuteAsync("echo ok").WaitAsync(Connect.Guard);
        }

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("echo too many").WaitAsync(Connect.Guard));
        Assert.Contains("rate-limited", e.Message, StringComparison.Ordinal);
    }
}
