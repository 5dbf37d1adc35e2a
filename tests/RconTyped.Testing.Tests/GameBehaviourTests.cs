namespace RconTyped.Testing.Tests;

/// <summary>Each game mode lists its roster in its own layout, and the client's <c>GetStatusAsync</c> reads it back.</summary>
public class GameBehaviourTests
{
    private static readonly EmulatedPlayer[] AsciiRoster =
    [
        new("Gordon") { SteamId = SteamId.Parse("STEAM_1:0:11101") },
        new("Alyx_V") { SteamId = SteamId.Parse("[U:1:29162964]"), Team = "2" },
        new("Bot01") { IsBot = true },
    ];

    public static TheoryData<EmulatedServerMode, ServerStatusFormat, bool, bool> ModesWithPlayerLists() => new()
    {
        // mode, layout, lists bots, prints Steam ids
        { EmulatedServerMode.Source, ServerStatusFormat.Source, true, true },
        { EmulatedServerMode.Rust, ServerStatusFormat.Source, true, true },
        { EmulatedServerMode.Cs2, ServerStatusFormat.Cs2, true, false },
        { EmulatedServerMode.Minecraft, ServerStatusFormat.Minecraft, false, false },
        { EmulatedServerMode.Palworld, ServerStatusFormat.Palworld, false, true },
        { EmulatedServerMode.Squad, ServerStatusFormat.Squad, false, true },
        { EmulatedServerMode.Ark, ServerStatusFormat.Ark, false, true },
        { EmulatedServerMode.Factorio, ServerStatusFormat.Factorio, false, false },
        { EmulatedServerMode.ConanExiles, ServerStatusFormat.ConanExiles, false, true },
    };

    [Theory]
    [MemberData(nameof(ModesWithPlayerLists))]
    public async Task GetStatusAsync_gives_the_roster_in_every_mode_with_a_player_list(EmulatedServerMode mode, ServerStatusFormat format, bool listsBots, bool printsSteamIds)
    {
        await using var server = Start(mode, mode == EmulatedServerMode.Palworld ? AsciiRoster : EmulatedPlayer.DefaultRoster);
        await using RconClient client = await ConnectAsync(server);

        ServerStatus status = await client.GetStatusAsync();

        EmulatedPlayer[] expected = [.. server.Console.Players.Where(p => listsBots || !p.IsBot)];
        Assert.Equal(format, status.Format);
        Assert.False(status.IsTruncated);
        Assert.Empty(status.UnparsedLines);
        Assert.Equal(expected.Select(p => p.Name), status.Players.Select(p => p.Name));
        Assert.Equal(expected.Select(p => p.IsBot), status.Players.Select(p => p.IsBot));
        if (printsSteamIds)
        {
            Assert.Equal(expected.Select(p => p.SteamId), status.Players.Select(p => p.SteamId));
        }
    }

    [Fact]
    public async Task A_typed_server_gets_the_same_status_and_players()
    {
        await using var server = Start(EmulatedServerMode.Source, EmulatedPlayer.DefaultRoster);
        await using RconClient client = await ConnectAsync(server);
        var typed = new PlainServer(client);

        IReadOnlyList<PlayerInfo> players = await typed.GetPlayersAsync();

        Assert.Equal(["Gordon", "Ärger ☆ Ümlaut", "Bot01"], players.Select(p => p.Name));
        Assert.Equal(3, (await typed.GetStatusAsync()).Players.Count);
    }

    [Fact]
    public async Task Palworld_cuts_an_answer_with_non_ASCII_names_and_the_status_says_so()
    {
        await using var server = Start(EmulatedServerMode.Palworld, EmulatedPlayer.DefaultRoster);
        await using RconClient client = await ConnectAsync(server);

        ServerStatus status = await client.GetStatusAsync();

        Assert.True(status.IsTruncated);
        Assert.Equal("Gordon", status.Players[0].Name);
    }

    [Theory]
    [InlineData(EmulatedServerMode.Source, "kick Gordon")]
    [InlineData(EmulatedServerMode.Source, "kick #2")]
    [InlineData(EmulatedServerMode.Source, "kickid STEAM_1:0:11101 bye")]
    [InlineData(EmulatedServerMode.Cs2, "kickid 2")]
    [InlineData(EmulatedServerMode.Minecraft, "kick Gordon")]
    [InlineData(EmulatedServerMode.Palworld, "KickPlayer 76561197960287930")]
    [InlineData(EmulatedServerMode.Squad, "AdminKick Gordon spam")]
    [InlineData(EmulatedServerMode.Ark, "KickPlayer 76561197960287930")]
    [InlineData(EmulatedServerMode.Factorio, "/kick Gordon")]
    [InlineData(EmulatedServerMode.ConanExiles, "KickPlayer Gordon")]
    public async Task A_kick_takes_the_player_off_the_list(EmulatedServerMode mode, string kick)
    {
        await using var server = Start(mode, AsciiRoster);
        await using RconClient client = await ConnectAsync(server);

        await client.ExecuteAsync(kick);
        IReadOnlyList<PlayerInfo> players = await client.GetPlayersAsync();

        Assert.DoesNotContain(players, p => p.Name == "Gordon");
        Assert.Contains(players, p => p.Name == "Alyx_V");
        Assert.DoesNotContain(server.Console.Players, p => p.Name == "Gordon");
    }

    [Fact]
    public async Task Source_users_maps_and_stats_answer_in_the_engine_layouts()
    {
        await using var server = Start(EmulatedServerMode.Source, AsciiRoster);
        await using RconClient client = await ConnectAsync(server);

        Assert.Equal("<slot:userid:\"name\">\n0:2:\"Gordon\"\n1:3:\"Alyx_V\"\n2:4:\"Bot01\"\n3 users\n", await client.ExecuteAsync("users"));
        Assert.Equal("-------------\nPENDING:   (fs) de_dust2.bsp\nPENDING:   (fs) de_inferno.bsp\nPENDING:   (fs) de_mirage.bsp\n", await client.ExecuteAsync("maps de_"));
        string stats = await client.ExecuteAsync("stats");
        Assert.StartsWith("CPU    In_(KB/s)  Out_(KB/s)  Uptime  Map_changes  FPS      Players  Connects\n", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minecraft_answers_say_and_whitelist_as_vanilla_does()
    {
        await using var server = Start(EmulatedServerMode.Minecraft, AsciiRoster);
        await using RconClient client = await ConnectAsync(server);

        Assert.Equal(string.Empty, await client.ExecuteAsync("say hello"));
        Assert.Equal("There are no whitelisted players", await client.ExecuteAsync("whitelist list"));
        Assert.Equal("Added Gordon to the whitelist", await client.ExecuteAsync("whitelist add Gordon"));
        Assert.Equal("There are 1 whitelisted player(s): Gordon", await client.ExecuteAsync("whitelist list"));
        Assert.Equal("There are 2 of a max of 24 players online: Gordon (00000000-0000-4000-8000-000000000002), Alyx_V (00000000-0000-4000-8000-000000000003)", await client.ExecuteAsync("list uuids"));
    }

    [Fact]
    public async Task Palworld_answers_Info_and_Broadcast()
    {
        await using var server = Start(EmulatedServerMode.Palworld, AsciiRoster);
        await using RconClient client = await ConnectAsync(server);

        Assert.Equal("Welcome to Pal Server[v0.1.5.1] RconTyped emulated server\n", await client.ExecuteAsync("Info"));
        Assert.Equal("Broadcasted: hello\n", await client.ExecuteAsync("Broadcast hello"));
    }

    [Fact]
    public async Task Players_added_while_the_server_runs_are_listed_with_the_next_user_id()
    {
        await using var server = Start(EmulatedServerMode.Source, []);
        await using RconClient client = await ConnectAsync(server);
        Assert.Empty(await client.GetPlayersAsync());

        int userId = server.Console.AddPlayer(new EmulatedPlayer("Late \"Quote\"") { SteamId = SteamId.Parse("[U:1:7]") });

        PlayerInfo player = Assert.Single(await client.GetPlayersAsync());
        Assert.Equal(userId, player.UserId);
        Assert.Equal("Late \"Quote\"", player.Name);
        Assert.True(server.Console.RemovePlayer("Late \"Quote\""));
        Assert.False(server.Console.RemovePlayer("Late \"Quote\""));
    }

    private static EmulatedServer Start(EmulatedServerMode mode, IEnumerable<EmulatedPlayer> roster)
    {
        var options = new EmulatedServerOptions { Mode = mode };
        options.Players.Clear();
        foreach (EmulatedPlayer player in roster)
        {
            options.Players.Add(player);
        }

        return EmulatedServer.Start(options);
    }

    private static async Task<RconClient> ConnectAsync(EmulatedServer server)
    {
        var client = new RconClient(server.EndPoint, new RconClientOptions { Dialect = EmulatedGame.For(server.Options.Mode).Dialect });
        await client.ConnectAsync();
        await client.AuthenticateAsync(server.Password);
        return client;
    }

    private sealed class PlainServer(RconClient client) : RconServer(client);
}
