using RconTyped.Logs;

namespace RconTyped.Tests.Logs;

/// <summary>
/// The lines CS:GO and CS2 print around a match, each as a real server printed it. Sources: "CS2 2025" is
/// noueii/nocs-log-saver <c>backend/debug/match-test.txt</c> at 1b24c496 (a CS2 2v2 match received over HTTP, 2025-08-19);
/// "CS2 2023" is hjbdev/cs-log-parser-php <c>test.log</c> at 21b37b87; "CS:GO 2021" is nicksowl/BLASTtv-CS-Match-Log-Analyser
/// <c>data/raw/blast-match-data-Nuke.txt</c> at e7eb01c9 (NAVI against Vitality, a FACEIT server). Lines marked "format"
/// are written here in the format the named source prints.
/// </summary>
public class MatchLineTests
{
    [Fact]
    public void Game_over_reads_the_mode_the_map_the_score_and_the_minutes()
    {
        // CS2 2025: no map group, so two spaces.
        var cs2 = Assert.IsType<GameOverEvent>(LogEvent.Parse("08/19/2025 - 19:03:56.030 - Game Over: competitive  de_dust2 score 17:19 after 49 min"));
        Assert.Equal(("competitive", "", "de_dust2", 17, 19, TimeSpan.FromMinutes(49)), (cs2.Mode, cs2.MapGroup, cs2.Map, cs2.CTScore, cs2.TScore, cs2.Duration));

        // CS:GO 2021: a workshop map group id.
        var csgo = Assert.IsType<GameOverEvent>(LogEvent.Parse("11/28/2021 - 21:30:17: Game Over: competitive 1092904694 de_nuke score 6:16 after 50 min"));
        Assert.Equal(("1092904694", "de_nuke", 6, 16), (csgo.MapGroup, csgo.Map, csgo.CTScore, csgo.TScore));
    }

    [Fact]
    public void Match_status_gives_the_score_and_the_names_the_sides_play_under()
    {
        var score = Assert.IsType<MatchScoreEvent>(LogEvent.Parse("08/19/2025 - 19:03:56.030 - MatchStatus: Score: 17:19 on map \"de_dust2\" RoundsPlayed: 36"));
        Assert.Equal((17, 19, "de_dust2", 36), (score.CTScore, score.TScore, score.Map, score.RoundsPlayed));
        Assert.Equal(-1, Assert.IsType<MatchScoreEvent>(LogEvent.Parse("11/28/2021 - 20:27:23: MatchStatus: Score: 0:0 on map \"de_nuke\" RoundsPlayed: -1")).RoundsPlayed);

        var playing = Assert.IsType<TeamNameEvent>(LogEvent.Parse("08/19/2025 - 19:03:56.030 - MatchStatus: Team playing \"TERRORIST\": team_SHESKY"));
        Assert.Equal(("TERRORIST", "team_SHESKY"), (playing.Team, playing.Name));
        Assert.Equal("NAVI GGBET", Assert.IsType<TeamNameEvent>(LogEvent.Parse("11/28/2021 - 20:27:23: Team playing \"CT\": NAVI GGBET")).Name);

        var unset = Assert.IsType<TeamNameEvent>(LogEvent.Parse("L 09/11/2023 - 12:54:55: MatchStatus: Team \"CT\" is unset."));
        Assert.Equal(("CT", null), (unset.Team, unset.Name));
    }

    [Fact]
    public void An_accolade_reads_its_award_player_and_numbers()
    {
        var accolade = Assert.IsType<AccoladeEvent>(LogEvent.Parse("08/19/2025 - 19:03:56.030 - ACCOLADE, FINAL: {3k},\tNxS Sebo<6>,\tVALUE: 2.000000,\tPOS: 1,\tSCORE: 53.333336"));

        Assert.Equal(("3k", "NxS Sebo", 6, 2.0, 1, 53.333336, true), (accolade.Accolade, accolade.PlayerName, accolade.UserId, accolade.Value, accolade.Position, accolade.Score, accolade.IsFinal));
    }

    [Fact]
    public void Grenade_replays_projectiles_and_the_bomb_are_typed_with_their_positions()
    {
        var replay = Assert.IsType<GrenadeThrowEvent>(LogEvent.Parse("08/19/2025 - 19:03:29.979 - \"NxS Sebo<6><[U:1:387734521]><TERRORIST>\" sv_throw_molotov -1943.109 1620.291 94.267 0.000 0.000 0.000 -43.637 382.594 -112.847 600.000 148.000 0.000 46"));
        Assert.Equal(("molotov", "NxS Sebo", 13), (replay.Grenade, replay.Player.Name, replay.Values.Count));
        Assert.Equal(new LogVector(-1943.109, 1620.291, 94.267), replay.Position);
        Assert.Equal(new LogVector(-43.637, 382.594, -112.847), replay.Velocity);

        var projectile = Assert.IsType<ProjectileSpawnedEvent>(LogEvent.Parse("08/19/2025 - 19:03:29.979 - Molotov projectile spawned at -1943.108643 1620.290771 94.266525, velocity -43.637043 382.594208 -112.847183"));
        Assert.Equal(("Molotov", new LogVector(-1943.108643, 1620.290771, 94.266525), new LogVector(-43.637043, 382.594208, -112.847183)), (projectile.Projectile, projectile.Position, projectile.Velocity));

        var bomb = Assert.IsType<PlayerKilledByBombEvent>(LogEvent.Parse("08/19/2025 - 19:03:56.030 - \"alker007<8><[U:1:869707820]><CT>\" [-1691 2529 9] was killed by the bomb."));
        Assert.Equal(("alker007", new LogVector(-1691, 2529, 9)), (bomb.Player.Name, bomb.Position));
    }

    [Fact]
    public void Pauses_and_the_match_start_are_typed()
    {
        var pause = Assert.IsType<MatchPauseEvent>(LogEvent.Parse("08/19/2025 - 19:03:54.573 - Match pause is enabled - mp_pause_match"));
        Assert.Equal((true, "mp_pause_match"), (pause.IsPaused, pause.Reason));
        Assert.False(Assert.IsType<MatchPauseEvent>(LogEvent.Parse("11/28/2021 - 20:55:31: Match pause is disabled - TimeOutCTs")).IsPaused);

        // Format: CS2 2025.
        Assert.Equal(string.Empty, Assert.IsType<MatchStartedEvent>(LogEvent.Parse("08/19/2025 - 18:11:42.086 - Started:  \"\"")).Name);
    }

    [Fact]
    public void Ids_a_player_has_before_steam_knows_them_leave_the_steam_id_empty()
    {
        // CS2 2025: a garbled id in the thrower, STEAM_ID_PENDING in a money line.
        var blinded = Assert.IsType<PlayerBlindedEvent>(LogEvent.Parse("08/19/2025 - 19:02:50.839 - \"SHESKY<7><[U:1:215888626]><TERRORIST>\" blinded for 5.09 by \"SHESKY<7><Ўs֬><TERRORIST>\" from flashbang entindex 225"));
        Assert.Equal(("SHESKY", 7, null, 5.09), (blinded.By!.Name, blinded.By.UserId, blinded.By.SteamId, blinded.Seconds));
        var money = Assert.IsType<PlayerMoneyChangedEvent>(LogEvent.Parse("08/19/2025 - 19:03:56.030 - \"SHESKY<8><STEAM_ID_PENDING><TERRORIST>\" money change 4250+3500 = $7750 (tracked)"));
        Assert.Equal((4250, 3500, 7750, null), (money.Before, money.Change, money.After, money.Player.SteamId));

        // Format: CS2 2025 (a bot CS2 gives no id prints <<none>>).
        var none = Assert.IsType<PlayerLeftBuyZoneEvent>(LogEvent.Parse("08/19/2025 - 18:11:48.193 - \"Wade<2><<none>><TERRORIST>\" left buyzone with [ ]"));
        Assert.Equal(("Wade", 2, null, "TERRORIST"), (none.Player.Name, none.Player.UserId, none.Player.SteamId, none.Player.Team));
        Assert.Empty(none.Items);
    }

    [Fact]
    public void Plugin_lines_carry_the_plugin_name_and_the_player_they_start_with()
    {
        var faceit = Assert.IsType<PluginMessageEvent>(LogEvent.Parse("11/28/2021 - 20:26:21: [FACEIT] Blocked map de_nuke reserved command"));
        Assert.Equal(("FACEIT", "Blocked map de_nuke reserved command", null), (faceit.Plugin, faceit.Message, faceit.Player));

        // Format: CS:GO 2021 (a chat colour code and a space before the bracket).
        var announcement = Assert.IsType<PluginMessageEvent>(LogEvent.Parse("11/28/2021 - 20:41:09:  \u0004[FACEIT^] LIVE!"));
        Assert.Equal(("FACEIT^", "LIVE!"), (announcement.Plugin, announcement.Message));

        // Format: SourceMod's basecommands (LogAction("\"%L\" kicked \"%L\" (reason \"%s\")")).
        var kick = Assert.IsType<PluginMessageEvent>(LogEvent.Parse("L 03/04/2024 - 20:01:02: [basecommands.smx] \"Console<0><Console><Console>\" kicked \"Ana<7><[U:1:42]><>\" (reason \"afk\")"));
        Assert.Equal(("basecommands.smx", true, "afk"), (kick.Plugin, kick.Player!.IsConsole, kick.Property("reason")));
        Assert.Equal("META", Assert.IsType<PluginMessageEvent>(LogEvent.Parse("L 03/04/2024 - 20:01:02: [META] Loaded 0 plugins (1 already loaded)")).Plugin);
    }

    [Fact]
    public void Bans_map_change_banners_votes_and_balances_are_typed()
    {
        // Format: the engine's banid.
        var ban = Assert.IsType<PlayerBannedEvent>(LogEvent.Parse("L 03/04/2024 - 20:01:02: Banid: \"Ana<7><[U:1:42]><>\" was banned \"for 5.00 minutes\" by \"Console\""));
        Assert.Equal(("Ana", "for 5.00 minutes", TimeSpan.FromMinutes(5), "Console"), (ban.Player.Name, ban.Term, ban.Duration, ban.By));
        Assert.Null(Assert.IsType<PlayerBannedEvent>(LogEvent.Parse("L 03/04/2024 - 20:01:02: Banid: \"Ana<7><[U:1:42]><>\" was banned \"permanently\" by \"Console\"")).Duration);

        // Format: the engine's name change.
        var renamed = Assert.IsType<PlayerNameChangedEvent>(LogEvent.Parse("L 03/04/2024 - 20:01:02: \"Ana<7><[U:1:42]><CT>\" changed name to \"Bo\""));
        Assert.Equal(("Ana", "Bo"), (renamed.Player.Name, renamed.NewName));

        // Format: SourceMod's logger.
        Assert.Equal("cp_granary", Assert.IsType<MapChangeEvent>(LogEvent.Parse("L 03/07/2013 - 18:00:27: -------- Mapchange to cp_granary --------")).Map);

        // Format: CS:GO 2021 (the voter carries a fourth group, where they stand).
        var vote = Assert.IsType<VoteEvent>(LogEvent.Parse("11/28/2021 - 20:50:44: Vote cast \"StartTimeOut \" from #10 \"Ana<29><STEAM_1:0:1><TERRORIST><Area 3018>\" option0"));
        Assert.Equal(("cast", "StartTimeOut", "Ana", "TERRORIST", "option0"), (vote.Action, vote.Issue, vote.Player!.Name, vote.Player.Team, vote.Option));
        var balance = Assert.IsType<PlayerMoneyChangedEvent>(LogEvent.Parse("11/28/2021 - 21:30:17: \"Ana<24><STEAM_1:1:2><TERRORIST>\" has 10400$"));
        Assert.Equal((null, null, 10400), (balance.Before, balance.Change, balance.After));
    }

    [Fact]
    public void Update_notices_and_flash_assists_are_typed()
    {
        Assert.Equal("Your server needs to be restarted in order to receive the latest update.",
            Assert.IsType<ServerMessageEvent>(LogEvent.Parse("11/28/2021 - 20:26:16: Your server needs to be restarted in order to receive the latest update.")).Message);

        // Format: CS:GO 2021 and CS2 2025.
        var assist = Assert.IsType<PlayerAssistedEvent>(LogEvent.Parse("08/19/2025 - 18:51:15.128 - \"Ana<6><[U:1:1]><TERRORIST>\" flash-assisted killing \"Bo<5><[U:1:2]><CT>\""));
        Assert.Equal((true, "Bo"), (assist.IsFlashAssist, assist.Victim!.Name));
        Assert.False(Assert.IsType<PlayerAssistedEvent>(LogEvent.Parse("08/19/2025 - 18:51:15.128 - \"Ana<6><[U:1:1]><TERRORIST>\" assisted killing \"Bo<5><[U:1:2]><CT>\"")).IsFlashAssist);
    }

    [Fact]
    public void Two_parses_of_a_line_are_equal_and_other_lines_are_not()
    {
        const string Kill = "08/19/2025 - 19:03:31.480 - \"alker007<8><[U:1:869707820]><CT>\" [-1987 1958 0] killed \"NxS Sebo<6><[U:1:387734521]><TERRORIST>\" [-1946 1416 88] with \"m4a1_silencer\"";
        LogEvent first = LogEvent.Parse(Kill);
        LogEvent second = LogEvent.Parse(Kill);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(((PlayerKilledEvent)first).Killer, ((PlayerKilledEvent)second).Killer);
        Assert.NotEqual(first, LogEvent.Parse(Kill.Replace("m4a1_silencer", "ak47")));
        Assert.NotEqual(((PlayerKilledEvent)first).Killer, ((PlayerKilledEvent)first).Victim);
        Assert.Equal(Kill, first.ToString());
    }
}
