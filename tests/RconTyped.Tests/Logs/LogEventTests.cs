using System.Text;
using RconTyped.Logs;

namespace RconTyped.Tests.Logs;

/// <summary>
/// Line by line: the CS:GO/CS2 combat and economy lines (in the format of Valve's CS:GO server logs), the RCON lines with
/// passwords, and hostile input. The real logs are in <see cref="RealLogTests"/>.
/// </summary>
public class LogEventTests
{
    private const string Ts = "L 11/30/2026 - 12:00:00: ";

    [Fact]
    public void The_design_example_is_a_kill()
    {
        var kill = Assert.IsType<PlayerKilledEvent>(LogEvent.Parse("L 11/30/2026 - 12:00:00: \"a<2><[U:1:1]><CT>\" killed \"b<3><[U:1:2]><TERRORIST>\" with \"ak47\""));

        Assert.Equal(("a", 2, "CT"), (kill.Killer.Name, kill.Killer.UserId, kill.Killer.Team));
        Assert.Equal(SteamId.Parse("[U:1:2]"), kill.Victim.SteamId);
        Assert.Equal("ak47", kill.Weapon);
        Assert.Equal(new DateTime(2026, 11, 30, 12, 0, 0), kill.Timestamp);
        Assert.False(kill.Headshot);
    }

    [Fact]
    public void A_CSGO_kill_keeps_positions_and_flags()
    {
        var kill = Assert.IsType<PlayerKilledEvent>(LogEvent.Parse(Ts + "\"Ben<3><STEAM_1:0:160621749><TERRORIST>\" [-1156 -2376 -126] killed \"Bot<4><BOT><CT>\" [-1017 -2097 -120] with \"ak47\" (headshot) (penetrated)"));

        Assert.True(kill.Headshot);
        Assert.Equal(new LogVector(-1156, -2376, -126), kill.KillerPosition);
        Assert.Equal(new LogVector(-1017, -2097, -120), kill.VictimPosition);
        Assert.True(kill.Victim.IsBot);
        Assert.Equal("", kill.Property("penetrated"));
    }

    [Fact]
    public void CSGO_combat_and_economy_lines_are_typed()
    {
        const string A = "\"Ben<3><STEAM_1:0:160621749><TERRORIST>\"";
        const string B = "\"Bot<4><BOT><CT>\"";

        var attacked = Assert.IsType<PlayerAttackedEvent>(LogEvent.Parse(Ts + A + " [1 2 3] attacked " + B + " [4 5 6] with \"glock\" (damage \"27\") (damage_armor \"0\") (health \"73\") (armor \"100\") (hitgroup \"chest\")"));
        Assert.Equal((27, "glock", "chest"), (attacked.Damage, attacked.Weapon, attacked.Property("hitgroup")));
        Assert.Equal(new LogVector(4, 5, 6), attacked.VictimPosition);

        var assist = Assert.IsType<PlayerAssistedEvent>(LogEvent.Parse(Ts + A + " assisted killing " + B));
        Assert.Equal("Bot", assist.Victim!.Name);

        var suicide = Assert.IsType<PlayerSuicideEvent>(LogEvent.Parse(Ts + A + " [1 2 3] committed suicide with \"world\""));
        Assert.Equal("world", suicide.Weapon);

        var other = Assert.IsType<PlayerKilledOtherEvent>(LogEvent.Parse(Ts + A + " [1 2 3] killed other \"chicken<105>\" [4 5 6] with \"knife\""));
        Assert.Equal(("chicken<105>", "knife"), (other.Target, other.Weapon));

        Assert.Equal("ak47", Assert.IsType<PlayerPurchasedEvent>(LogEvent.Parse(Ts + A + " purchased \"ak47\"")).Item);
        Assert.Equal("weapon_c4", Assert.IsType<PlayerPickedUpEvent>(LogEvent.Parse(Ts + A + " picked up \"weapon_c4\"")).Item);
        Assert.Equal("c4", Assert.IsType<PlayerDroppedEvent>(LogEvent.Parse(Ts + A + " dropped \"c4\"")).Item);

        var threw = Assert.IsType<PlayerThrewEvent>(LogEvent.Parse(Ts + A + " threw flashbang [-1002 -1393 -93] flashbang entindex 298)"));
        Assert.Equal(("flashbang", new LogVector(-1002, -1393, -93)), (threw.Item, threw.Position));

        var blinded = Assert.IsType<PlayerBlindedEvent>(LogEvent.Parse(Ts + B + " blinded for 3.45 by " + A + " from flashbang entindex 298 "));
        Assert.Equal((3.45, "Ben"), (blinded.Seconds, blinded.By!.Name));

        var money = Assert.IsType<PlayerMoneyChangedEvent>(LogEvent.Parse(Ts + A + " money change 800-200 = $600 (tracked) (purchase: weapon_hegrenade)"));
        Assert.Equal((800, -200, 600, "weapon_hegrenade"), (money.Before, money.Change, money.After, money.Property("purchase")));

        var planted = Assert.IsType<PlayerTriggeredEvent>(LogEvent.Parse(Ts + A + " triggered \"Planted_The_Bomb\" at bombsite B"));
        Assert.Equal("Planted_The_Bomb", planted.Action);

        var won = Assert.IsType<TeamTriggeredEvent>(LogEvent.Parse(Ts + "Team \"TERRORIST\" triggered \"SFUI_Notice_Target_Bombed\" (CT \"3\") (T \"5\")"));
        Assert.Equal((3, 5), (won.CTScore, won.TScore));

        var scored = Assert.IsType<TeamScoreEvent>(LogEvent.Parse(Ts + "Team \"CT\" scored \"3\" with \"5\" players"));
        Assert.Equal((3, 5, false), (scored.Score, scored.PlayerCount, scored.IsFinal));

        Assert.Equal("Match_Start", Assert.IsType<WorldTriggeredEvent>(LogEvent.Parse(Ts + "World triggered \"Match_Start\" on \"de_dust2\"")).Action);
        Assert.Equal("de_dust2", Assert.IsType<MapLoadingEvent>(LogEvent.Parse(Ts + "Loading map \"de_dust2\"")).Map);
    }

    [Fact]
    public void Chat_keeps_quotes_inside_the_message_and_tells_team_chat_apart()
    {
        var all = Assert.IsType<PlayerSayEvent>(LogEvent.Parse(Ts + "\"Console<0><Console><Console>\" say \"\"TF2Center: sub vote\"\""));
        var team = Assert.IsType<PlayerSayEvent>(LogEvent.Parse(Ts + "\"x<5><[U:1:5]><CT>\" say_team \"rush b\" (dead)"));

        Assert.Equal(("\"TF2Center: sub vote\"", false), (all.Message, all.TeamOnly));
        Assert.True(all.Player.IsConsole);
        Assert.Equal(("rush b", true, ""), (team.Message, team.TeamOnly, team.Property("dead")));
    }

    [Theory]
    [InlineData("rcon from \"1.2.3.4:5\": command \"rcon_password hunter2\"", "rcon_password ***")]
    [InlineData("rcon from \"1.2.3.4:5\": command \"sv_password \\\"secret\\\";status\"", "sv_password ***;status")]
    [InlineData("rcon from \"1.2.3.4:5\": command \"say my password is\"", "say my password is")]
    public void An_rcon_line_never_keeps_a_password(string line, string command)
    {
        var rcon = Assert.IsType<RconCommandEvent>(LogEvent.Parse(Ts + line.Replace("\\\"", "\"")));

        Assert.Equal(command.Replace("\\\"", "\""), rcon.Command);
        Assert.Equal("1.2.3.4:5", rcon.Address);
        Assert.DoesNotContain("hunter2", rcon.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", rcon.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_GoldSrc_rcon_loses_the_password_it_guessed()
    {
        var bad = Assert.IsType<RconCommandEvent>(LogEvent.Parse(Ts + "Bad Rcon: \"rcon 1234567 \"hunter2\" status\" from \"1.2.3.4:27005\""));

        Assert.True(bad.IsRejected);
        Assert.Equal("1.2.3.4:27005", bad.Address);
        Assert.DoesNotContain("hunter2", bad.Raw, StringComparison.Ordinal);
        Assert.Contains("***", bad.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void The_UDP_header_and_the_L_prefix_are_optional_and_a_line_without_a_timestamp_has_none()
    {
        string line = "\"a<2><BOT><>\" entered the game";

        Assert.IsType<PlayerEnteredEvent>(LogEvent.Parse("\u00FF\u00FF\u00FF\u00FFRL 11/30/2026 - 12:00:00: " + line + "\n\0"));
        Assert.IsType<PlayerEnteredEvent>(LogEvent.Parse("11/30/2026 - 12:00:00: " + line));
        LogEvent bare = LogEvent.Parse(line);
        Assert.IsType<PlayerEnteredEvent>(bare);
        Assert.Null(bare.Timestamp);
        Assert.Null(LogEvent.Parse("L 13/45/2026 - 25:61:99: " + line).Timestamp);
    }

    [Fact]
    public void A_JSON_statistics_block_becomes_one_event()
    {
        string log = string.Join('\n',
            Ts + "JSON_BEGIN{",
            Ts + "\"name\": \"round_stats\",",
            Ts + "\"round_number\" : \"3\"",
            Ts + "}}JSON_END",
            Ts + "World triggered \"Round_Start\"");

        LogEvent[] events = [.. LogLineAssembler.ReadAll(new StringReader(log))];

        Assert.Equal(2, events.Length);
        var block = Assert.IsType<JsonStatisticsEvent>(events[0]);
        Assert.Equal("{\n\"name\": \"round_stats\",\n\"round_number\" : \"3\"\n}}", block.Json);
        Assert.IsType<WorldTriggeredEvent>(events[1]);
    }

    [Fact]
    public void An_unfinished_JSON_block_comes_out_line_by_line_at_the_end()
    {
        LogEvent[] events = [.. LogLineAssembler.ReadAll(new StringReader(Ts + "JSON_BEGIN{\n" + Ts + "\"a\": 1"))];

        Assert.Equal(2, events.Length);
    }

    /// <summary>Each of these once threw ArgumentOutOfRangeException out of Parse, and so ended a UDP listener's loop.</summary>
    [Theory]
    [InlineData("L 01/01/2024 - 00:00:00: Team \"CT\" scored 5")]
    [InlineData("L 01/01/2024 - 00:00:00: \"a<2><BOT><CT>\" money change  = $1")]
    [InlineData("L 01/01/2024 - 00:00:00: rcon from \"1.2.3.4:5\": command \"")]
    [InlineData("L 01/01/2024 - 00:00:00: Team \"Red\" current score ")]
    public void Lines_that_once_threw_are_unknown_with_their_text(string line)
    {
        LogEvent parsed = LogEvent.Parse(line);

        Assert.Equal(line, parsed.Raw);
        Assert.Equal(new DateTime(2024, 1, 1), parsed.Timestamp);
    }

    [Fact]
    public void A_JSON_block_that_never_closes_gives_its_lines_back_when_a_real_event_comes()
    {
        var assembler = new LogLineAssembler();

        Assert.Empty(assembler.Add(Ts + "JSON_BEGIN{"));
        Assert.Empty(assembler.Add(Ts + "\"name\": \"round_stats\","));
        IReadOnlyList<LogEvent> events = assembler.Add(Ts + "\"a<2><BOT><CT>\" killed \"b<3><BOT><TERRORIST>\" with \"ak47\"");

        Assert.Equal(3, events.Count);
        Assert.IsType<JsonStatisticsEvent>(events[0]);
        Assert.IsType<UnknownLogEvent>(events[1]);
        Assert.IsType<PlayerKilledEvent>(events[2]);
        Assert.Empty(assembler.Flush());
    }

    [Fact]
    public void A_JSON_block_past_its_character_bound_is_given_up()
    {
        var assembler = new LogLineAssembler();
        string line = Ts + "\"" + new string('x', 60_000) + "\",";

        Assert.Empty(assembler.Add(Ts + "JSON_BEGIN{"));
        int given = 0;
        for (int i = 0; i < 40 && given == 0; i++)
        {
            given = assembler.Add(line).Count;
        }

        Assert.InRange(given, LogLineAssembler.MaxBlockChars / line.Length, (LogLineAssembler.MaxBlockChars / line.Length) + 2);
    }

    [Fact]
    public void Hostile_lines_never_throw_and_keep_their_text()
    {
        var random = new Random(20261130);
        var bytes = new byte[1 << 16];
        random.NextBytes(bytes);
        string[] hostile =
        [
            Ts + "\"unbalanced<2><BOT><CT> killed \"x",
            Ts + "\"a<2><BOT><CT>\" killed \"b<3><BOT>",
            Ts + "\"a<2><BOT><CT>\" killed ",
            Ts + "\"a<2><BOT><CT>\" money change = $",
            Ts + "\"a<2><BOT><CT>\" money change 1-2 = $x",
            Ts + "\"a<2><BOT><CT>\" threw [1 2",
            Ts + "\"a<2><BOT><CT>\" blinded for x by nothing",
            Ts + "\"a<2><BOT><CT>\" switched from team <CT> to <",
            Ts + "Team \"",
            Ts + "\"a<2><BOT><CT>\" triggered \"x\" (key \"unterminated",
            Ts + new string('"', 70_000),
            Ts + string.Concat(Enumerable.Repeat("\"a<1><2><3>\" ", 5000)),
            Ts + string.Concat(Enumerable.Repeat("(((((", 10_000)),
            Encoding.UTF8.GetString(bytes),
            Encoding.Latin1.GetString(bytes),
            string.Empty,
            "L ",
        ];

        foreach (string line in hostile)
        {
            LogEvent parsed = LogEvent.Parse(line);
            Assert.NotNull(parsed.Raw);
            if (parsed is UnknownLogEvent)
            {
                Assert.EndsWith(parsed.Raw, line.TrimEnd('\n', '\r', '\0'), StringComparison.Ordinal);
            }
        }
    }
}
