using RconTyped.Logs;

namespace RconTyped.Tests.Logs;

/// <summary>Every line of the real logs in data/logs parses; the counts are those its SOURCES.md lists.</summary>
public class RealLogTests
{
    // file, lines, kills, says, connects, disconnects
    public static TheoryData<string, int, int, int, int, int> Logs() => new()
    {
        { "csgo-tf2lineparser-2017.log", 339, 0, 13, 2, 2 },
        { "tf2-tf2lineparser-detailed-damage-2014.log", 3715, 170, 47, 12, 2 },
        { "cs2-csparserphp-2023.log", 36, 1, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void A_real_log_parses_to_the_counts_its_source_lists_with_under_2_percent_unknown(string file, int lines, int kills, int says, int connects, int disconnects)
    {
        string[] text = ReadLines(file);
        LogEvent[] events = [.. text.Select(LogEvent.Parse)];

        Assert.Equal(lines, events.Length);
        Assert.Equal(kills, events.OfType<PlayerKilledEvent>().Count());
        Assert.Equal(says, events.OfType<PlayerSayEvent>().Count());
        Assert.Equal(connects, events.OfType<PlayerConnectedEvent>().Count());
        Assert.Equal(disconnects, events.OfType<PlayerDisconnectedEvent>().Count());
        UnknownLogEvent[] unknown = [.. events.OfType<UnknownLogEvent>()];
        Assert.True(unknown.Length * 50 < lines, $"{unknown.Length} of {lines} lines unknown: {string.Join(" | ", unknown.Take(10).Select(u => u.Raw))}");
        for (int i = 0; i < text.Length; i++)
        {
            Assert.Equal(text[i], events[i].Raw);
        }
    }

    [Fact]
    public void The_TF2_match_reads_as_a_match()
    {
        LogEvent[] events = [.. ReadLines("tf2-tf2lineparser-detailed-damage-2014.log").Select(LogEvent.Parse)];

        PlayerKilledEvent firstKill = events.OfType<PlayerKilledEvent>().First();
        Assert.Equal("LittleLies", firstKill.Killer.Name);
        Assert.Equal(SteamId.Parse("STEAM_0:0:55031498"), firstKill.Killer.SteamId);
        Assert.Equal("Blue", firstKill.Killer.Team);
        Assert.Equal("Aquila", firstKill.Victim.Name);
        Assert.Equal("tf_projectile_pipe", firstKill.Weapon);
        Assert.NotNull(firstKill.KillerPosition);

        // A name with quotes, and one with "<3" in it, read whole.
        Assert.Contains(events.OfType<PlayerKilledEvent>(), e => e.Killer.Name == "A \"fake\" -AA-" && e.Victim.Name == "soN |  I <3 XG4M3R");
        Assert.True(events.OfType<PlayerAttackedEvent>().Count() > 100);
        Assert.All(events.OfType<PlayerAttackedEvent>(), e => Assert.NotNull(e.Damage));
        Assert.Contains(events.OfType<PlayerHealedEvent>(), e => e.Amount > 0);
        Assert.Contains(events.OfType<PlayerRoleChangedEvent>(), e => e.Role == "medic");
        Assert.Contains(events.OfType<PlayerPickedUpEvent>(), e => e.Item == "medkit_small");
        Assert.Contains(events.OfType<TeamTriggeredEvent>(), e => e.Action == "pointcaptured" && e.Property("cp") == "2");
        Assert.Contains(events.OfType<TeamScoreEvent>(), e => e.IsFinal && e.Team == "Red" && e.PlayerCount == 5);
        Assert.Contains(events.OfType<WorldTriggeredEvent>(), e => e.Action == "Round_Start");
        Assert.Equal(new DateTime(2014, 2, 2, 22, 1, 27), events[0].Timestamp);
        Assert.Contains(events.OfType<TeamNameEvent>(), e => e.Team == "Blue" && e.Name == "BLU");
    }

    [Fact]
    public void The_CSGO_log_reads_cvars_rcon_team_switches_and_the_buy_zone()
    {
        LogEvent[] events = [.. ReadLines("csgo-tf2lineparser-2017.log").Select(LogEvent.Parse)];

        Assert.Contains(events.OfType<ServerCvarEvent>(), e => e.Name == "mp_maxrounds" && e.Value == "30");
        Assert.Contains(events.OfType<RconCommandEvent>(), e => e.Command == "status" && e.Address == "0.0.0.0:41380");
        PlayerTeamChangedEvent switched = events.OfType<PlayerTeamChangedEvent>().First();
        Assert.Equal(("• Ben •", "Unassigned", "TERRORIST"), (switched.Player.Name, switched.FromTeam, switched.ToTeam));
        Assert.Null(switched.Player.Team);
        Assert.Contains(events.OfType<PlayerLeftBuyZoneEvent>(), e => e.Items.SequenceEqual(["weapon_knife_t", "weapon_glock"]));
        Assert.Contains(events.OfType<MapStartedEvent>(), e => e.Map == "de_dust");
        Assert.True(events.OfType<PlayerConnectedEvent>().First().Player.IsBot);
    }

    [Fact]
    public void The_CS2_rounds_read_match_status_with_unset_teams_and_the_bomb_plant()
    {
        LogEvent[] events = [.. ReadLines("cs2-csparserphp-2023.log").Select(LogEvent.Parse)];

        Assert.Equal(4, events.OfType<TeamNameEvent>().Count(e => e.Name is null));
        Assert.Contains(events.OfType<MatchScoreEvent>(), e => (e.CTScore, e.TScore, e.Map, e.RoundsPlayed) == (2, 1, "de_ancient", 3));
        Assert.Contains(events.OfType<PlayerTriggeredEvent>(), e => e.Action == "Planted_The_Bomb");
        Assert.True(events.OfType<PlayerKilledEvent>().Single().Headshot);
        Assert.Equal(SteamId.Parse("[U:1:98202654]"), events.OfType<PlayerKilledEvent>().Single().Killer.SteamId);
    }

    /// <summary>The lines as SOURCES.md counts them: only '\n' ends a line, and a final line without one still counts.</summary>
    internal static string[] ReadLines(string file)
    {
        string[] lines = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "logs", file)).Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }
}
