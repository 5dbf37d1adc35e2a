namespace RconTyped.Tests.Answers;

/// <summary>
/// The player lists of games without a Source <c>status</c>. The layouts are the ones other projects test their parsers
/// with, copied from their fixtures: Minecraft's from the vanilla <c>commands.list.players</c> string and Bukkit's
/// <c>list</c>; Palworld's <c>ShowPlayers</c> CSV; Squad's two <c>ListPlayers</c> generations (SteamID, then EOS
/// "Online IDs"), as in Squadmania.Squad.Rcon and SquadJS-style tests; ARK's and Conan Exiles' <c>ListPlayers</c>.
/// </summary>
public class PlayerListTests
{
    [Fact]
    public void Minecraft_list_gives_the_names_count_and_maximum()
    {
        ServerStatus status = ServerStatus.Parse("There are 2 of a max of 20 players online: Steve, Alex_99");

        Assert.Equal(ServerStatusFormat.Minecraft, status.Format);
        Assert.Equal(["Steve", "Alex_99"], status.Players.Select(p => p.Name));
        Assert.Equal(2, status.HumanCount);
        Assert.Equal(20, status.MaxPlayers);
        Assert.Empty(status.UnparsedLines);
    }

    [Fact]
    public void Minecraft_list_uuids_keeps_each_uuid_as_the_platform_id()
    {
        ServerStatus status = ServerStatus.Parse("There are 1 of a max of 20 players online: Notch (069a79f4-44e9-4726-a5be-fca90e38aaf5)");

        PlayerInfo player = Assert.Single(status.Players);
        Assert.Equal("Notch", player.Name);
        Assert.Equal("069a79f4-44e9-4726-a5be-fca90e38aaf5", player.PlatformId);
    }

    [Theory]
    [InlineData("There are 0 of a max of 20 players online: ")]
    [InlineData("There are 0 of a max of 20 players online:")]
    [InlineData("There are 0/20 players online:\n")]
    public void An_empty_Minecraft_list_has_no_players(string text)
    {
        ServerStatus status = ServerStatus.Parse(text);

        Assert.Equal(ServerStatusFormat.Minecraft, status.Format);
        Assert.Empty(status.Players);
        Assert.Equal(20, status.MaxPlayers);
        Assert.Empty(status.UnparsedLines);
    }

    [Fact]
    public void The_pre_1_13_and_the_coloured_Bukkit_lists_give_the_same_names()
    {
        ServerStatus old = ServerStatus.Parse("There are 2/20 players online:\nSteve, Alex\n");
        ServerStatus bukkit = ServerStatus.Parse("§6There are §c2§6 out of maximum §c20§6 players online.\n§6default§r: Steve, §7Alex\n");

        Assert.Equal(["Steve", "Alex"], old.Players.Select(p => p.Name));
        Assert.Equal(["Steve", "Alex"], bukkit.Players.Select(p => p.Name));
        Assert.Equal(20, bukkit.MaxPlayers);
    }

    [Fact]
    public void Palworld_ShowPlayers_reads_names_with_commas_from_the_right()
    {
        ServerStatus status = ServerStatus.Parse("name,playeruid,steamid\nKupie,4160040412,76561197993593793\nA, B,12,steam_76561198000000002\n");

        Assert.Equal(ServerStatusFormat.Palworld, status.Format);
        Assert.Equal(["Kupie", "A, B"], status.Players.Select(p => p.Name));
        Assert.Equal("4160040412", status.Players[0].PlatformId);
        Assert.Equal(76561197993593793UL, status.Players[0].SteamId?.Id64);
        Assert.Equal(76561198000000002UL, status.Players[1].SteamId?.Id64);
    }

    [Fact]
    public void Squad_ListPlayers_reads_both_generations_and_leaves_out_the_disconnected()
    {
        const string text = """
            ----- Active Players -----
            ID: 0 | SteamID: 76561198040411592 | Name: <(^^<) pixlcrashr | Team ID: 1 | Squad ID: N/A | Is Leader: False | Role: USA_Rifleman_01
            ID: 4 | Online IDs: EOS: 0002a1fc90d241fcbb83baa13c59df84 steam: 76561198000000000 | Name: Игрок 🌞 | Team | Team ID: 2 | Squad ID: 8 | Is Leader: True | Role: RGF_SL_01
            ----- Recently Disconnected Players [Max of 15] -----
            ID: 10 | SteamID: 76561198062628191 | Since Disconnect: 02m.30s | Name: [2.FJg]Gh0st
            """;

        ServerStatus status = ServerStatus.Parse(text);

        Assert.Equal(ServerStatusFormat.Squad, status.Format);
        Assert.Equal(["<(^^<) pixlcrashr", "Игрок 🌞 | Team"], status.Players.Select(p => p.Name));
        Assert.Equal([0, 4], status.Players.Select(p => p.UserId));
        Assert.Equal(["1", "2"], status.Players.Select(p => p.Team));
        Assert.Equal(76561198040411592UL, status.Players[0].SteamId?.Id64);
        Assert.Equal("0002a1fc90d241fcbb83baa13c59df84", status.Players[1].PlatformId);
        Assert.Empty(status.UnparsedLines);
    }

    [Fact]
    public void ARK_ListPlayers_reads_Steam_and_EOS_ids()
    {
        ServerStatus status = ServerStatus.Parse("\n0. Some One, 76561198012345678 \n1. Two, Names, 0002d291d3f04069b0f5d3f11be15888\n");

        Assert.Equal(ServerStatusFormat.Ark, status.Format);
        Assert.Equal(["Some One", "Two, Names"], status.Players.Select(p => p.Name));
        Assert.Equal(76561198012345678UL, status.Players[0].SteamId?.Id64);
        Assert.Null(status.Players[1].SteamId);
        Assert.Equal("0002d291d3f04069b0f5d3f11be15888", status.Players[1].PlatformId);
        Assert.Empty(ServerStatus.Parse("No Players Connected \n").Players);
        Assert.Equal(ServerStatusFormat.Ark, ServerStatus.Parse("No Players Connected \n").Format);
    }

    [Fact]
    public void Conan_Exiles_ListPlayers_reads_the_padded_columns()
    {
        const string text = "Idx | Char name | Player name |      User ID |       Platform ID | Platform Name\n  0 | AliceChar | Alice#1000 | A-1HFFLI28NN | 76561198000000001 |         STEAM\n  3 | Bob Char | Bob#2000 | B-1HFFLI28NN | 0002abcd |           EGS\n";

        ServerStatus status = ServerStatus.Parse(text);

        Assert.Equal(ServerStatusFormat.ConanExiles, status.Format);
        Assert.Equal(["AliceChar", "Bob Char"], status.Players.Select(p => p.Name));
        Assert.Equal(76561198000000001UL, status.Players[0].SteamId?.Id64);
        Assert.Null(status.Players[1].SteamId);
        Assert.Equal("B-1HFFLI28NN", status.Players[1].PlatformId);
        Assert.Empty(status.UnparsedLines);
        Assert.Empty(ServerStatus.Parse("Idx | Char name | Player name | User ID | Platform ID | Platform Name\n").Players);
    }

    [Fact]
    public void Factorio_players_online_reads_the_indented_names()
    {
        ServerStatus status = ServerStatus.Parse("Online players (2):\n  Nauvis_Engineer (online)\n  second one (online)\n");

        Assert.Equal(ServerStatusFormat.Factorio, status.Format);
        Assert.Equal(["Nauvis_Engineer", "second one"], status.Players.Select(p => p.Name));
        Assert.Equal(2, status.HumanCount);
    }

    [Fact]
    public void GoldSrc_status_gives_players_bots_and_addresses()
    {
        const string text = """
            hostname:  Half-Life 1.6 server
            version :  48/1.1.2.7/Stdio 8684 secure  (10)
            tcp/ip  :  192.0.2.10:27015
            map     :  de_dust2 at: 0 x, 0 y, 0 z
            players :  2 active (32 max)

            #      name userid uniqueid frag time ping loss adr
            # 1 "Şpieler \"x\"" 7 STEAM_0:1:1234567 12 12:31 48 0 198.51.100.7:27005
            # 2 "Bot" 8 BOT 0 02:10 0 0
            2 users
            """;

        ServerStatus status = ServerStatus.Parse(text);

        Assert.Equal(ServerStatusFormat.GoldSrc, status.Format);
        Assert.Equal("de_dust2", status.Map);
        Assert.Equal(32, status.MaxPlayers);
        Assert.Equal(2, status.Players.Count);
        PlayerInfo human = status.Players[0];
        Assert.Equal("Şpieler \\\"x\\\"", human.Name);
        Assert.Equal(7, human.UserId);
        Assert.Equal(SteamId.Parse("STEAM_0:1:1234567"), human.SteamId);
        Assert.Equal(TimeSpan.FromSeconds((12 * 60) + 31), human.Connected);
        Assert.Equal(48, human.Ping);
        Assert.Equal("198.51.100.7:27005", human.Address?.ToString());
        Assert.True(status.Players[1].IsBot);
        Assert.Empty(status.UnparsedLines);
    }

    public static TheoryData<string, ServerStatusFormat, string[]> Layouts() => new()
    {
        { "There are 2 of a max of 20 players online: Steve, Alex_99\n", ServerStatusFormat.Minecraft, ["Steve", "Alex_99"] },
        { "There are 2/20 players online:\nSteve, Alex_99\n", ServerStatusFormat.Minecraft, ["Steve", "Alex_99"] },
        { "name,playeruid,steamid\nKupie,4160040412,76561197993593793\nA, B,12,76561198000000002\n", ServerStatusFormat.Palworld, ["Kupie", "A, B"] },
        { "----- Active Players -----\nID: 0 | SteamID: 76561198040411592 | Name: x y | Team ID: 1 | Squad ID: N/A | Is Leader: False | Role: R\nID: 4 | SteamID: 76561198040411593 | Name: Игрок | Team ID: 2 | Squad ID: 1 | Is Leader: True | Role: R\n----- Recently Disconnected Players [Max of 15] -----\n", ServerStatusFormat.Squad, ["x y", "Игрок"] },
        { "\n0. Some One, 76561198012345678 \n1. Two, 0002d291d3f04069b0f5d3f11be15888\n", ServerStatusFormat.Ark, ["Some One", "Two"] },
        { "Idx | Char name | Player name | User ID | Platform ID | Platform Name\n  0 | A | A#1 | A-1 | 76561198000000001 | STEAM\n  1 | B | B#2 | B-2 | 76561198000000002 | STEAM\n", ServerStatusFormat.ConanExiles, ["A", "B"] },
        { "Online players (2):\n  one (online)\n  two (online)\n", ServerStatusFormat.Factorio, ["one", "two"] },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Each_layout_reads_the_same_with_CRLF_and_a_trailing_echo_and_a_prefix_when_cut_short(string text, ServerStatusFormat format, string[] names)
    {
        ServerStatus crlf = ServerStatus.Parse(text.ReplaceLineEndings("\r\n") + "] status\r\n");

        Assert.Equal(format, crlf.Format);
        Assert.Equal(names, crlf.Players.Select(p => p.Name));
        Assert.Equal(["] status"], crlf.UnparsedLines);
        for (int length = 0; length <= text.Length; length++)
        {
            ServerStatus cut = ServerStatus.Parse(text[..length]);
            Assert.True(cut.Players.Count <= names.Length);
            Assert.All(cut.Players.Take(names.Length - 1).Zip(names), pair => Assert.StartsWith(pair.First.Name, pair.Second, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("name,playeruid,steamid\nbroken row without commas\n")]
    [InlineData("----- Active Players -----\nID: x | nonsense\n")]
    [InlineData("No Players Connected\n0 no id here\n")]
    public void A_row_that_does_not_fit_its_layout_is_kept_unparsed(string text)
    {
        ServerStatus status = ServerStatus.Parse(text);

        Assert.Empty(status.Players);
        Assert.Single(status.UnparsedLines);
    }
}
