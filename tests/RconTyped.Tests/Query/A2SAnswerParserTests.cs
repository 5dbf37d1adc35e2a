using System.Buffers.Binary;
using System.Text;
using CsCheck;
using RconTyped.Query;

namespace RconTyped.Tests.Query;

/// <summary>The answer parsers: every layout, what real servers get wrong, and no input that throws.</summary>
public sealed class A2SAnswerParserTests
{
    [Fact]
    public void Info_cut_at_every_position_never_throws_and_says_why_when_it_fails()
    {
        byte[] datagram = A2SRealDataTests.Load("steamquerynet-info.txt");
        int versionEnd = datagram.AsSpan().IndexOf("1.37.3.6\0"u8) + 9;
        for (int length = 0; length < datagram.Length - 5; length++)
        {
            ServerInfo? info = A2SAnswerParser.ParseInfo((byte)'I', datagram.AsSpan(5, length), out string? error);
            if (length == versionEnd - 5)
            {
                // Cut right after the version: a server without extra data looks just like this.
                Assert.NotNull(info);
                Assert.Null(info.ExtraDataFlags);
            }
            else if (info is null)
            {
                Assert.False(string.IsNullOrEmpty(error));
                Assert.True(length < versionEnd - 5, $"a cut inside the extra data at {length} lost the whole answer");
            }
            else
            {
                Assert.True(length > versionEnd - 5, $"a cut at {length}, before the version ended, gave an answer");
                Assert.True(info.IsTruncated || length == datagram.Length - 5);
                Assert.Equal("1.37.3.6", info.Version);
            }
        }
    }

    [Fact]
    public void Random_bytes_never_make_a_parser_throw()
    {
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            _ = A2SAnswerParser.ParseInfo((byte)'I', bytes, out _);
            _ = A2SAnswerParser.ParseInfo((byte)'m', bytes, out _);
            _ = A2SAnswerParser.ParsePlayers(bytes, out _);
            _ = A2SAnswerParser.ParseRules(bytes, out _);
        }, iter: 20_000);
    }

    [Fact]
    public void A_wrong_type_byte_is_named()
    {
        Assert.Null(A2SAnswerParser.ParseInfo((byte)'X', [1, 2, 3], out string? error));
        Assert.Contains("0x58", error);
    }

    [Fact]
    public void GoldSource_info_with_a_mod_block_reads()
    {
        var answer = new AnswerBytes();
        answer.String("127.0.0.1:27015").String("HLDM").String("crossfire").String("valve").String("Half-Life")
            .Byte(5).Byte(16).Byte(47).Byte((byte)'D').Byte((byte)'W').Byte(1).Byte(1)
            .String("http://mod").String("http://dl").Byte(0).Int32(2).Int32(1000).Byte(1).Byte(0)
            .Byte(1).Byte(2);

        ServerInfo info = A2SAnswerParser.ParseInfo((byte)'m', answer.ToArray(), out string? error)!;

        Assert.Null(error);
        Assert.Equal(A2SEngine.GoldSource, info.Engine);
        Assert.Equal("127.0.0.1:27015", info.Address);
        Assert.Equal(("HLDM", "crossfire", "valve", "Half-Life"), (info.Name, info.Map, info.Folder, info.Game));
        Assert.Equal((5, 16, 2), (info.Players, info.MaxPlayers, info.Bots));
        Assert.Equal(47, info.Protocol);
        Assert.Equal(A2SServerType.Dedicated, info.ServerType);
        Assert.Equal(A2SEnvironment.Windows, info.Environment);
        Assert.True(info.HasPassword);
        Assert.True(info.IsVacSecured);
        Assert.Equal(new GoldSourceMod { Link = "http://mod", DownloadLink = "http://dl", Version = 2, Size = 1000, IsMultiplayerOnly = true, HasOwnDll = false }, info.Mod);
        Assert.Null(info.Version);
    }

    [Fact]
    public void The_Ship_info_reads_its_three_extra_bytes()
    {
        var answer = new AnswerBytes();
        answer.Byte(7).String("ship").String("batavier").String("ship").String("The Ship").UInt16(2400)
            .Byte(3).Byte(8).Byte(0).Byte((byte)'d').Byte((byte)'w').Byte(0).Byte(0)
            .Byte(1).Byte(3).Byte(20).String("1.0.0.4");

        ServerInfo info = A2SAnswerParser.ParseInfo((byte)'I', answer.ToArray(), out _)!;

        Assert.Equal(((byte?)1, (byte?)3, (byte?)20), (info.ShipMode, info.ShipWitnesses, info.ShipDuration));
        Assert.Equal("1.0.0.4", info.Version);
    }

    [Fact]
    public void SourceTV_fields_read()
    {
        var answer = new AnswerBytes();
        answer.Byte(17).String("n").String("m").String("f").String("g").UInt16(440)
            .Byte(0).Byte(24).Byte(0).Byte((byte)'p').Byte((byte)'m').Byte(0).Byte(0).String("v")
            .Byte(0x40).UInt16(27020).String("tv");

        ServerInfo info = A2SAnswerParser.ParseInfo((byte)'I', answer.ToArray(), out _)!;

        Assert.Equal(A2SServerType.SourceTvRelay, info.ServerType);
        Assert.Equal(A2SEnvironment.Mac, info.Environment);
        Assert.Equal(((ushort?)27020, "tv"), (info.SourceTvPort, info.SourceTvName));
    }

    [Fact]
    public void Extra_data_flags_that_promise_more_than_was_sent_keep_the_fields_before_the_cut()
    {
        var answer = new AnswerBytes();
        answer.Byte(17).String("n").String("m").String("f").String("g").UInt16(440)
            .Byte(0).Byte(24).Byte(0).Byte((byte)'d').Byte((byte)'l').Byte(0).Byte(0).String("v").Byte(0x91).UInt16(27015).Byte(1);

        ServerInfo info = A2SAnswerParser.ParseInfo((byte)'I', answer.ToArray(), out string? error)!;

        Assert.Null(error);
        Assert.True(info.IsTruncated);
        Assert.Equal((ushort)27015, info.GamePort);
        Assert.Null(info.SteamId);
        Assert.Equal("v", info.Version);
    }

    [Fact]
    public void Players_past_255_are_all_read_though_the_count_byte_wrapped()
    {
        var answer = new AnswerBytes();
        answer.Byte(300 & 0xFF);
        for (int i = 0; i < 300; i++)
        {
            answer.Byte(0).String($"p{i}").Int32(i).Single(i);
        }

        IReadOnlyList<QueryPlayer> players = A2SAnswerParser.ParsePlayers(answer.ToArray(), out _)!;

        Assert.Equal(300, players.Count);
        Assert.Equal("p299", players[^1].Name);
        Assert.Equal(299, players[^1].Score);
    }

    [Fact]
    public void The_Ship_players_read_deaths_and_money()
    {
        var answer = new AnswerBytes();
        answer.Byte(2);
        answer.Byte(1).String("a").Int32(3).Single(10).Int32(1).Int32(500);
        answer.Byte(2).String("b").Int32(4).Single(20).Int32(2).Int32(900);

        IReadOnlyList<QueryPlayer> players = A2SAnswerParser.ParsePlayers(answer.ToArray(), out _)!;

        Assert.Equal([(1, 500), (2, 900)], players.Select(p => (p.Deaths!.Value, p.Money!.Value)));
    }

    [Fact]
    public void A_player_cut_short_is_left_out_and_the_rest_kept()
    {
        var answer = new AnswerBytes();
        answer.Byte(2).Byte(0).String("whole").Int32(1).Single(5).Byte(0).String("cut").Int32(2);

        IReadOnlyList<QueryPlayer> players = A2SAnswerParser.ParsePlayers(answer.ToArray(), out _)!;

        Assert.Equal(["whole"], players.Select(p => p.Name));
    }

    [Fact]
    public void Invalid_UTF8_in_a_name_is_replaced_and_the_bytes_kept()
    {
        var answer = new AnswerBytes();
        answer.Byte(1).Byte(0).Bytes([0x41, 0xFF, 0x42, 0]).Int32(0).Single(1);

        QueryPlayer player = Assert.Single(A2SAnswerParser.ParsePlayers(answer.ToArray(), out _)!);

        Assert.Equal("A\uFFFDB", player.Name);
        Assert.Equal(new byte[] { 0x41, 0xFF, 0x42 }, player.NameBytes.ToArray());
    }

    [Fact]
    public void A_truncated_rule_list_keeps_what_arrived_and_says_so()
    {
        var answer = new AnswerBytes();
        answer.UInt16(5).String("mp_timelimit").String("30").String("sv_gravity").String("800").String("mp_fragli");

        ServerRules rules = A2SAnswerParser.ParseRules(answer.ToArray(), out _)!;

        Assert.True(rules.IsTruncated);
        Assert.Equal(5, rules.DeclaredCount);
        Assert.Equal(2, rules.Count);
        Assert.Equal("800", rules["sv_gravity"]);
    }

    [Fact]
    public void Binary_rule_values_keep_their_bytes_and_duplicates_stay_in_order()
    {
        var answer = new AnswerBytes();
        answer.UInt16(3).String("a").Bytes([0x01, 0x02, 0xFE, 0]).String("b").String("1").String("b").String("2");

        ServerRules rules = A2SAnswerParser.ParseRules(answer.ToArray(), out _)!;

        Assert.False(rules.IsTruncated);
        Assert.Equal("2", rules["b"]);
        Assert.Equal(3, rules.RawRules.Count);
        Assert.Equal(new byte[] { 0x01, 0x02, 0xFE }, rules.RawRules[0].Value.ToArray());
        Assert.Equal("1", Encoding.UTF8.GetString(rules.RawRules[1].Value.Span));
    }

    [Fact]
    public void A_rule_answer_without_its_count_is_an_error()
    {
        Assert.Null(A2SAnswerParser.ParseRules([7], out string? error));
        Assert.Contains("rule count", error);
    }

    /// <summary>Builds answer payloads (after the type byte) field by field.</summary>
    internal sealed class AnswerBytes
    {
        private readonly List<byte> _bytes = [];

        public AnswerBytes Byte(int value)
        {
            _bytes.Add((byte)value);
            return this;
        }

        public AnswerBytes Bytes(byte[] value)
        {
            _bytes.AddRange(value);
            return this;
        }

        public AnswerBytes String(string value) => Bytes([.. Encoding.UTF8.GetBytes(value), 0]);

        public AnswerBytes UInt16(int value)
        {
            byte[] b = new byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
            return Bytes(b);
        }

        public AnswerBytes Int32(int value)
        {
            byte[] b = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(b, value);
            return Bytes(b);
        }

        public AnswerBytes Single(float value)
        {
            byte[] b = new byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(b, value);
            return Bytes(b);
        }

        public byte[] ToArray() => [.. _bytes];
    }
}
