using RconTyped.Query;

namespace RconTyped.Tests.Query;

/// <summary>Real answers in data/a2s parse to the values their SOURCES.md lists.</summary>
public sealed class A2SRealDataTests
{
    internal static byte[] Load(string file) =>
        [.. File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "a2s", file)).Split(',').Select(byte.Parse)];

    [Fact]
    public void SteamQueryNet_info_answer_reads_every_field()
    {
        byte[] datagram = Load("steamquerynet-info.txt");
        Assert.Equal(232, datagram.Length);

        ServerInfo? info = A2SAnswerParser.ParseInfo(datagram[4], datagram.AsSpan(5), out string? error);

        Assert.Null(error);
        Assert.NotNull(info);
        Assert.Equal(A2SEngine.Source, info.Engine);
        Assert.Equal(17, info.Protocol);
        Assert.Equal(" SurfHeaven #5 Top 250/VIP", info.Name);
        Assert.Equal("surf_sinister_evil", info.Map);
        Assert.Equal("csgo", info.Folder);
        Assert.Equal("Counter-Strike: Global Offensive", info.Game);
        Assert.Equal((ushort)730, info.AppId);
        Assert.Equal((4, 40, 3), (info.Players, info.MaxPlayers, info.Bots));
        Assert.Equal(A2SServerType.Dedicated, info.ServerType);
        Assert.Equal(A2SEnvironment.Linux, info.Environment);
        Assert.False(info.HasPassword);
        Assert.True(info.IsVacSecured);
        Assert.Equal("1.37.3.6", info.Version);
        Assert.Equal((byte)0xB1, info.ExtraDataFlags);
        Assert.Equal((ushort)27015, info.GamePort);
        Assert.Equal(85568392920053114UL, info.SteamId);
        Assert.Equal("!knife,!ws,64tick,SurfHeaven,autobhop,cs20,knife,rank,skins,stats,surf,surfing,surftimer,timer,ws,secure", info.Keywords);
        Assert.Equal(730UL, info.GameId);
        Assert.Null(info.SourceTvPort);
        Assert.Null(info.ShipMode);
    }

    [Fact]
    public void Honeytrap_CSGO_info_answer_cut_inside_its_game_id_keeps_the_rest()
    {
        byte[] datagram = Load("honeytrap-csgo-info.txt");
        Assert.Equal(132, datagram.Length);

        ServerInfo info = A2SAnswerParser.ParseInfo(datagram[4], datagram.AsSpan(5), out string? error)!;

        Assert.Null(error);
        Assert.Equal(("Counter-Strike: Global Offensive", "de_dust2", "csgo", "Counter-Strike: Global Offensive"), (info.Name, info.Map, info.Folder, info.Game));
        Assert.Equal((ushort)730, info.AppId);
        Assert.Equal((0, 10, 0), (info.Players, info.MaxPlayers, info.Bots));
        Assert.Equal((A2SServerType.Dedicated, A2SEnvironment.Linux, false, true), (info.ServerType, info.Environment, info.HasPassword, info.IsVacSecured));
        Assert.Equal("1.36.3.4", info.Version);
        Assert.Equal((byte)0xA1, info.ExtraDataFlags);
        Assert.Equal((ushort)27016, info.GamePort);
        Assert.Equal("valve_ds,empty,secure", info.Keywords);
        Assert.Null(info.GameId);
        Assert.True(info.IsTruncated);
    }

    [Fact]
    public void Libssq_CSS_info_without_extra_data_reads()
    {
        ServerInfo info = ParseInfoFile("libssq-info-css.bin");

        Assert.Equal((2, "game2xs.com Counter-Strike Source #1", "de_dust", "cstrike", "Counter-Strike: Source"), ((int)info.Protocol, info.Name, info.Map, info.Folder, info.Game));
        Assert.Equal(((ushort?)240, 5, 16, 4), (info.AppId, info.Players, info.MaxPlayers, info.Bots));
        Assert.Equal((A2SServerType.Dedicated, A2SEnvironment.Linux, false, false), (info.ServerType, info.Environment, info.HasPassword, info.IsVacSecured));
        Assert.Equal("1.0.0.22", info.Version);
        Assert.Null(info.ExtraDataFlags);
        Assert.False(info.IsTruncated);
    }

    [Fact]
    public void Libssq_TF2_info_keeps_control_bytes_in_the_name_and_reads_every_extra_field()
    {
        ServerInfo info = ParseInfoFile("libssq-info-tf2.bin");

        Assert.Equal(new string('\u0001', 24) + "skial.com | PAYLOAD+ | US \u2588\u2588\u2588\u2588", info.Name);
        Assert.Equal(("pl_badwater_pro_v12_skial", "tf", "\u2588\u2588 Skial \u2588\u2588"), (info.Map, info.Folder, info.Game));
        Assert.Equal(((ushort?)440, 32, 32, 0, true), (info.AppId, info.Players, info.MaxPlayers, info.Bots, info.IsVacSecured));
        Assert.Equal("7182415", info.Version);
        Assert.Equal((byte)0xB1, info.ExtraDataFlags);
        Assert.Equal((ushort)27015, info.GamePort);
        Assert.Equal(85568392920040218UL, info.SteamId);
        Assert.Equal("skial,stats,free_items,free_unusuals,alltalk,increased_maxplayers,nocrits,norespawntime,payload", info.Keywords);
        Assert.Equal(440UL, info.GameId);
    }

    [Fact]
    public void Libssq_The_Ship_info_reads_its_game_fields()
    {
        ServerInfo info = ParseInfoFile("libssq-info-the-ship.bin");

        Assert.Equal(("Ship Server", "batavier", "ship", "The Ship", (ushort?)2400), (info.Name, info.Map, info.Folder, info.Game, info.AppId));
        Assert.Equal((1, 5, A2SServerType.NonDedicated, A2SEnvironment.Windows), (info.Players, info.MaxPlayers, info.ServerType, info.Environment));
        Assert.Equal(((byte?)1, (byte?)3, (byte?)3), (info.ShipMode, info.ShipWitnesses, info.ShipDuration));
        Assert.Equal("1.0.0.4", info.Version);
    }

    [Theory]
    [InlineData("libssq-info-sin-1-multiplayer.bin", 47, "Sensemann SiN DM", "paradox", "SiN 1", 1309, 'l', "1.0.0.0")]
    [InlineData("libssq-info-rag-doll-kung-fu.bin", 252, "The Dude's dojo", "Soccer", "RDKFSoccer", 1002, '\0', "2.3.0.0")]
    public void Libssq_other_games_info_reads(string file, int protocol, string name, string map, string folder, int appId, char type, string version)
    {
        ServerInfo info = ParseInfoFile(file);

        Assert.Equal((protocol, name, map, folder, (ushort?)appId, type, version), ((int)info.Protocol, info.Name, info.Map, info.Folder, info.AppId, info.ServerTypeCode, info.Version));
        Assert.Equal(type == 'l' ? A2SServerType.NonDedicated : A2SServerType.Unknown, info.ServerType);
    }

    [Fact]
    public void Libssq_player_answer_reads_indexes_scores_and_durations()
    {
        byte[] datagram = LoadBytes("libssq-player-example_0.bin");

        IReadOnlyList<QueryPlayer> players = A2SAnswerParser.ParsePlayers(datagram.AsSpan(5), out _)!;

        Assert.Equal([(1, "[D]---->T.N.W<----", 14), (2, "Killer !!!", 5)], players.Select(p => ((int)p.Index, p.Name, p.Score)));
        Assert.Equal([514.370361, 434.284454], players.Select(p => Math.Round(p.Duration.TotalSeconds, 6)));
        Assert.All(players, p => Assert.Null(p.Deaths));
    }

    [Fact]
    public void Libssq_TF2_rules_in_five_real_pieces_join_in_any_order()
    {
        byte[][] pieces = [.. Enumerable.Range(0, 5).Select(i => LoadBytes($"libssq-rules-tf2_{i}.bin"))];
        foreach (byte[][] order in new[] { pieces, pieces.Reverse().ToArray(), [pieces[3], pieces[0], pieces[4], pieces[1], pieces[2]] })
        {
            var split = new A2SSplitAnswer(0x033C);
            byte[]? joined = null;
            A2SSplitStep step = A2SSplitStep.Incomplete;
            foreach (byte[] piece in order)
            {
                step = split.Add(piece, new A2SLimits(256 * 1024, 64), null, out joined, out _);
            }

            Assert.Equal(A2SSplitStep.Complete, step);
            AssertTf2Rules(A2SAnswerParser.ParseRules(joined.AsSpan(5), out _)!);
        }
    }

    internal static void AssertTf2Rules(ServerRules rules)
    {
        Assert.Equal(224, rules.DeclaredCount);
        Assert.Equal(224, rules.Count);
        Assert.False(rules.IsTruncated);
        Assert.Equal("1.1.1p", rules["brimmunity_version"]);
        Assert.Equal("0", rules["tv_relaypassword"]);
        Assert.Equal(("800", "50", "1"), (rules["sv_gravity"], rules["mp_timelimit"], rules["tf_gamemode_payload"]));
        Assert.Equal("brimmunity_version", System.Text.Encoding.UTF8.GetString(rules.RawRules[0].Key.Span));
        Assert.Equal("tv_relaypassword", System.Text.Encoding.UTF8.GetString(rules.RawRules[223].Key.Span));
    }

    internal static byte[] LoadBytes(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "a2s", file));

    private static ServerInfo ParseInfoFile(string file)
    {
        byte[] datagram = LoadBytes(file);
        ServerInfo? info = A2SAnswerParser.ParseInfo(datagram[4], datagram.AsSpan(5), out string? error);
        Assert.Null(error);
        return info!;
    }

    [Fact]
    public void SteamQueryNet_player_answer_reads_every_player()
    {
        byte[] datagram = Load("steamquerynet-players.txt");
        Assert.Equal((byte)'D', datagram[4]);

        IReadOnlyList<QueryPlayer>? players = A2SAnswerParser.ParsePlayers(datagram.AsSpan(5), out string? error);

        Assert.Null(error);
        Assert.NotNull(players);
        Assert.Equal([">:( \u0660 Mr.PogoMogoFogoNogo 01:3", "FuMe JF", "30SanchezZ", "kzz--"], players.Select(p => p.Name));
        Assert.All(players, p => Assert.Equal(0, p.Index));
        Assert.All(players, p => Assert.Equal(0, p.Score));
        Assert.Equal([26078.668, 2209.140, 2040.938, 722.625], players.Select(p => Math.Round(p.Duration.TotalSeconds, 3)));
        Assert.All(players, p => Assert.Null(p.Deaths));
        Assert.Equal(new byte[] { 0xD9, 0xA0 }, players[0].NameBytes.ToArray()[4..6]);
    }
}
