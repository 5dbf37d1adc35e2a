using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing.Games;

namespace RconTyped.Testing.Tests;

/// <summary>The one table of games, and the wire rules that moved out of the socket loop into each game's hooks.</summary>
public class GameTableTests
{
    [Fact]
    public void Every_mode_has_one_row_whose_behaviour_plays_that_game()
    {
        EmulatedServerMode[] modes = Enum.GetValues<EmulatedServerMode>();

        Assert.Equal(modes.Order(), EmulatedGame.All.Select(g => g.Mode).Order());
        foreach (EmulatedGame game in EmulatedGame.All)
        {
            GameBehaviour first = game.CreateBehaviour();
            Assert.Same(game, first.Game);
            Assert.NotSame(first, game.CreateBehaviour()); // a console's state (Minecraft's whitelist) is its own
        }

        Assert.IsType<SourceOneGame>(EmulatedGame.For(EmulatedServerMode.Source).CreateBehaviour());
        Assert.IsType<MinecraftGame>(EmulatedGame.For(EmulatedServerMode.Minecraft).CreateBehaviour());
    }

    [Fact]
    public async Task Conans_rate_window_runs_on_the_servers_clock()
    {
        var time = new FakeTimeProvider();
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.ConanExiles, RateLimit = 3, TimeProvider = time });
        await using var client = new RconClient("127.0.0.1", server.Port, new RconClientOptions { Dialect = RconDialect.ConanExiles });
        await client.ConnectAsync().WaitAsync(Guard);
        await client.AuthenticateAsync(server.Password).WaitAsync(Guard);

        for (int i = 0; i < 3; i++)
        {
            await client.ExecuteAsync("echo first").WaitAsync(Guard);
        }

        time.Advance(TimeSpan.FromSeconds(31)); // the first three leave the 30-second window
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("second\n", await client.ExecuteAsync("echo second").WaitAsync(Guard));
        }

        var limited = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("echo third").WaitAsync(Guard));
        Assert.Contains("rate-limited", limited.Message, StringComparison.Ordinal);
    }

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
}
