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
