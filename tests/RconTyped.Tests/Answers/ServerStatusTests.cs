using System.Net;
using System.Text;

namespace RconTyped.Tests.Answers;

/// <summary>Every real status answer in data/status parses to the players, map and maximum its SOURCES.md lists.</summary>
public class ServerStatusTests
{
    // file, format, player rows, humans, bots, map, max players, then "name=steamid" (or "name=BOT") samples.
    public static TheoryData<string, ServerStatusFormat, int, int, int, string?, int?, string[]> RealAnswers() => new()
    {
        { "csgo-991jo-linuxgsm.status.txt", ServerStatusFormat.Source, 0, 0, 0, "de_mirage", 16, [] },
        { "fof-991jo-linuxgsm.status.txt", ServerStatusFormat.Source, 0, 0, 0, "fof_depot", 16, [] },
        { "hl2dm-991jo-linuxgsm.status.txt", ServerStatusFormat.Source, 0, 0, 0, "dm_lockdown", 16, [] },
        { "tf2-991jo-linuxgsm.status.txt", ServerStatusFormat.Source, 0, 0, 0, "cp_badlands", 16, [] },
        { "gmod-991jo-linuxgsm.status.txt", ServerStatusFormat.Source, 0, 0, 0, "gm_construct", 16, [] },
        { "css-991jo-linuxgsm.status.txt", ServerStatusFormat.Source, 0, 0, 0, "de_dust2", 16, [] },
        { "tf2-sonikro-sdr.status.txt", ServerStatusFormat.Source, 2, 1, 1, "cp_badlands", 25, ["sonikro=[U:1:29162964]", "TF2-QuickServer TV | Virginia @=BOT"] },
        { "tf2-sonikro-sdr-empty.status.txt", ServerStatusFormat.Source, 1, 0, 1, "cp_badlands", 25, ["TF2-QuickServer TV | Virginia @=BOT"] },
        { "csgo-bonbonn-valve-poland.status.txt", ServerStatusFormat.Source, 9, 9, 0, "de_iris", 10, ["BonBonn=STEAM_1:1:82178006", "Privatdedektei Trovato=STEAM_1:0:196009809", "FuNny #muse=STEAM_1:0:130130592"] },
        { "csgo-bonbonn-valve-euwest.status.txt", ServerStatusFormat.Source, 10, 10, 0, "cs_agency", 10, ["X | knoCtXez=STEAM_1:1:15393478", "likimarO⓽★✰✯☆✩=STEAM_1:0:150702462", "Βασιλακης Ανδρ=STEAM_1:0:80213994"] },
        { "csgo-aimrao-listen-bots.status.txt", ServerStatusFormat.Source, 10, 1, 9, null, null, ["Arion=STEAM_1:0:222132123", "Marvin=BOT", "Clarence=BOT"] },
        { "csgo-aimrao-client-mm.status.txt", ServerStatusFormat.Source, 16, 16, 0, null, null, ["🎮รaм=STEAM_1:1:555251468", "🅣🅨🅢🅞🅝=STEAM_1:1:418070643", "☛ Cypher Boy ☚=STEAM_1:1:588272711"] },
        { "cs2-elvonpiko-botonly.status.txt", ServerStatusFormat.Cs2, 1, 0, 1, "de_dust2", 0, ["SourceTV=BOT"] },
        { "cs2-elvonpiko-zombie-human.status.txt", ServerStatusFormat.Cs2, 3, 1, 2, "de_mirage", 0, ["ZUBOR_=", "Sam=BOT", "Severn=BOT"] },
        { "csgo-steamcondenser-284.status.txt", ServerStatusFormat.Source, 2, 1, 1, "de_cache", 12, ["testing acc=STEAM_1:1:15805829", "SourceTV - www.hiperz.com=BOT"] },
        { "css-steamcondenser-103.status.txt", ServerStatusFormat.Source, 2, 1, 1, null, null, ["Mutix=STEAM_0:0:7390944", "HighMinus Gaming TV| 27045=BOT"] },
        { "tf2-galexrt-issue4.status.txt", ServerStatusFormat.Source, 0, 0, 0, "ctf_2fort", 24, [] },
        { "l4d-ahkgamescript-issue36.status.txt", ServerStatusFormat.Source, 5, 4, 1, "l4d_smalltown04_mainstreet", 4, ["0125=STEAM_1:0:32599262", "Coolshow7 | ULTRA | =STEAM_1:0:8430607", "Tank=BOT"] },
        { "l4d-ahkgamescript-issue36-interleaved.status.txt", ServerStatusFormat.Source, 7, 4, 3, "l4d_smalltown05_houseboat", null, ["0125=STEAM_1:0:32599262", "Smoker=BOT", "Hunter=BOT"] },
    };

    [Theory]
    [MemberData(nameof(RealAnswers))]
    public void A_real_answer_gives_the_players_map_and_maximum_its_source_lists(string file, ServerStatusFormat format, int rows, int humans, int bots, string? map, int? maxPlayers, string[] samples)
    {
        ServerStatus status = ServerStatus.Parse(Read(file));

        Assert.Equal(format, status.Format);
        Assert.Equal(rows, status.Players.Count);
        Assert.Equal(humans, status.Players.Count(p => !p.IsBot));
        Assert.Equal(bots, status.Players.Count(p => p.IsBot));
        Assert.Equal(map, status.Map);
        Assert.Equal(maxPlayers, status.MaxPlayers);
        foreach (string sample in samples)
        {
            string name = sample[..sample.LastIndexOf('=')];
            string id = sample[(sample.LastIndexOf('=') + 1)..];
            PlayerInfo player = Assert.Single(status.Players, p => p.Name == name);
            Assert.Equal(id == "BOT", player.IsBot);
            Assert.Equal(id is "BOT" or "" ? null : SteamId.Parse(id), player.SteamId);
        }
    }

    [Theory]
    [MemberData(nameof(RealAnswers))]
    public void The_same_answer_with_CRLF_line_ends_and_a_trailing_console_echo_gives_the_same_players(string file, ServerStatusFormat format, int rows, int humans, int bots, string? map, int? maxPlayers, string[] samples)
    {
        _ = (format, humans, bots, samples);
        string text = Read(file).ReplaceLineEndings("\r\n") + "\r\n] status\r\n";

        ServerStatus status = ServerStatus.Parse(text);

        Assert.Equal(rows, status.Players.Count);
        Assert.Equal(map, status.Map);
        Assert.Equal(maxPlayers, status.MaxPlayers);
        Assert.Contains("] status", status.UnparsedLines);
        Assert.All(status.Players, p => Assert.DoesNotContain('\r', p.Raw));
    }

    [Fact]
    public void Columns_of_a_Source_row_are_read_into_typed_fields()
    {
        ServerStatus status = ServerStatus.Parse(Read("tf2-sonikro-sdr.status.txt"));

        PlayerInfo human = Assert.Single(status.Players, p => !p.IsBot);
        Assert.Equal(3, human.UserId);
        Assert.Equal(TimeSpan.FromSeconds(20), human.Connected);
        Assert.Equal((60, 0), (human.Ping, human.Loss));
        Assert.Equal("active", human.State);
        Assert.Equal(IPEndPoint.Parse("169.254.249.16:18930"), human.Address);
        Assert.Equal("TF2-QuickServer | Virginia", status.Hostname);
        Assert.Equal("9543365/24 9543365 secure", status.Version);
        Assert.Equal((1, 1), (status.HumanCount, status.BotCount));
        PlayerInfo tv = Assert.Single(status.Players, p => p.IsBot);
        Assert.Equal((2, "active", (SteamId?)null, (IPEndPoint?)null), (tv.UserId, tv.State, tv.SteamId, tv.Address));
    }

    [Fact]
    public void Columns_of_a_CS2_row_are_read_and_empty_slots_are_not_players()
    {
        string text = Read("cs2-elvonpiko-zombie-human.status.txt").Replace("#end", "65535 [NoChan]        0    0 challenging      0 '' \n#end", StringComparison.Ordinal);

        ServerStatus status = ServerStatus.Parse(text);

        PlayerInfo human = status.Players[0];
        Assert.Equal(3, status.Players.Count);
        Assert.Equal((0, "ZUBOR_", false), (human.UserId, human.Name, human.IsBot));
        Assert.Equal(TimeSpan.FromSeconds(18), human.Connected);
        Assert.Equal((49, 0, "active"), (human.Ping, human.Loss, human.State));
        Assert.Equal(IPEndPoint.Parse("5.129.143.9:61274"), human.Address);
        Assert.Equal((1, 9), (status.HumanCount, status.BotCount));
        Assert.Empty(status.UnparsedLines);
    }

    [Fact]
    public void An_answer_cut_short_keeps_the_whole_rows_and_the_cut_one_as_unparsed()
    {
        string text = Read("csgo-bonbonn-valve-euwest.status.txt");
        string cut = text[..(text.IndexOf("\"Βασιλακης", StringComparison.Ordinal) + 5)];

        ServerStatus status = ServerStatus.Parse(cut);

        Assert.Equal(cut.Split('\n').Count(l => l.StartsWith("# ", StringComparison.Ordinal) && l.Contains("STEAM_", StringComparison.Ordinal)), status.Players.Count);
        Assert.Contains(status.UnparsedLines, l => l.Contains("\"Βασ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_SourceTV_block_of_CS2_is_kept_as_unparsed_lines_and_adds_no_players()
    {
        ServerStatus status = ServerStatus.Parse(Read("cs2-elvonpiko-botonly.status.txt"));

        Assert.Contains(status.UnparsedLines, l => l.StartsWith("Game Time 00:01", StringComparison.Ordinal));
        Assert.Single(status.Players);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Unknown command \"status\"")]
    [InlineData("# 1 \"unterminated")]
    [InlineData("players : many (lots max)")]
    public void Text_that_is_not_a_status_answer_gives_no_players_and_keeps_every_line(string text)
    {
        ServerStatus status = ServerStatus.Parse(text);

        Assert.Empty(status.Players);
        Assert.Equal(text.Length == 0 ? [] : [text], status.UnparsedLines);
        Assert.Equal(ServerStatusFormat.Unknown, status.Format);
    }

    [Fact]
    public void Hostile_text_never_throws()
    {
        var random = new Random(20261130);
        var bytes = new byte[1 << 20];
        random.NextBytes(bytes);
        string[] hostile =
        [
            Encoding.Latin1.GetString(bytes),
            new string('#', 1 << 20),
            "# 1 " + string.Concat(Enumerable.Repeat("\"a\" ", 100_000)),
            string.Join('\n', Enumerable.Repeat("#  1 2 \"x\" STEAM_1:9:99999999999999 99:99:99:99 -1 -1 active 1.2.3.4:99999", 10_000)),
            string.Concat(Enumerable.Repeat("[[[[((((", 100_000)),
            "players : " + string.Join(' ', Enumerable.Repeat("9", 500_000)),
            "players : 99999999999 humans, 99999999999 bots (99999999999 max)",
            "---------players--------\n99999999999 99999999999:99 99999999999 99999999999 active 99999999999 1.2.3.4:5 'x'\n#end",
            .. HostileGameLists(),
        ];

        foreach (string text in hostile)
        {
            ServerStatus status = ServerStatus.Parse(text);
            Assert.NotNull(status.Players);
        }
    }

    /// <summary>About 1 MB each of the other games' layouts, with rows built to make patterns backtrack, and a million columns.</summary>
    internal static IEnumerable<string> HostileGameLists()
    {
        string squadRow = "ID: 1 | SteamID: 1 | Name: " + string.Concat(Enumerable.Repeat("| Team ID: x ", 300));
        yield return "----- Active Players -----\n" + string.Join('\n', Enumerable.Repeat(squadRow, 1 << 20 >> 12));
        yield return "name,playeruid,steamid\n" + new string(',', 1 << 20);
        yield return "name,playeruid,steamid\n" + string.Join('\n', Enumerable.Repeat(new string(',', 4000), 256));
        yield return "There are 1 of a max of 2 players online: x\n" + string.Join('\n', Enumerable.Repeat(string.Concat(Enumerable.Repeat("a (", 1300)), 256));
        yield return "No Players Connected\n" + string.Join('\n', Enumerable.Repeat("0. " + string.Concat(Enumerable.Repeat("a, ", 1300)), 256));
        yield return "Online players (1):\n" + string.Join('\n', Enumerable.Repeat("  " + string.Concat(Enumerable.Repeat("x (", 1300)), 256));
        yield return "#      name userid uniqueid frag time ping loss adr\n" + string.Join('\n', Enumerable.Repeat("# 1 \"" + new string('"', 4000), 256));
    }

    [Fact]
    public void Two_parses_of_an_answer_are_equal_and_a_changed_answer_is_not()
    {
        string text = Read("csgo-bonbonn-valve-euwest.status.txt");
        ServerStatus first = ServerStatus.Parse(text);
        ServerStatus second = ServerStatus.Parse(text);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.Players[0], second.Players[0]);
        Assert.NotEqual(first.Players[0], first.Players[^1]);
        Assert.NotEqual(first, ServerStatus.Parse(text.Replace(first.Players[0].Name, first.Players[0].Name + "x", StringComparison.Ordinal)));
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "status", file));
}
