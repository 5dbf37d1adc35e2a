using System.Globalization;

namespace RconTyped.Testing.Games;

/// <summary>Log lines in the Half-Life Log Standard as CS:GO prints them, for the emulated server's log.</summary>
internal static class LogLines
{
    private static readonly string[] Weapons = ["ak47", "m4a1", "awp", "deagle", "usp_silencer"];

    /// <summary><c>"Name&lt;userid&gt;&lt;[U:1:n]|BOT&gt;&lt;team&gt;"</c>; the team is the player's unless given.</summary>
    public static string Player(RosterEntry entry, string? team = null) =>
        $"\"{entry.Player.Name}<{entry.UserId}><{(entry.Player.IsBot ? "BOT" : entry.Player.SteamId?.ToSteam3() ?? "STEAM_ID_PENDING")}><{team ?? Team(entry)}>\"";

    /// <summary>The roster's team "2" plays as TERRORIST, every other as CT.</summary>
    public static string Team(RosterEntry entry) => entry.Player.Team == "2" ? "TERRORIST" : "CT";

    /// <summary>One round: start, damage and a kill by each human, team chat, the win, the end and the scores.</summary>
    public static void PlayRound(ServerConsole console, List<RosterEntry> roster, int round)
    {
        ServerLog log = console.Log;
        log.Write("World triggered \"Round_Start\"");
        int kills = 0;
        foreach (RosterEntry killer in roster.Where(e => !e.Player.IsBot))
        {
            RosterEntry? victim = roster.FirstOrDefault(e => Team(e) != Team(killer)) ?? roster.FirstOrDefault(e => e != killer);
            if (victim is null)
            {
                continue;
            }

            string weapon = Weapons[(round + kills) % Weapons.Length];
            string at = string.Create(CultureInfo.InvariantCulture, $"[{-1000 + (37 * round)} {200 + kills} -120]");
            string victimAt = string.Create(CultureInfo.InvariantCulture, $"[{-900 + (41 * round)} {260 + kills} -118]");
            log.Write($"{Player(killer)} {at} attacked {Player(victim)} {victimAt} with \"{weapon}\" (damage \"27\") (damage_armor \"3\") (health \"73\") (armor \"97\") (hitgroup \"chest\")");
            log.Write($"{Player(killer)} {at} killed {Player(victim)} {victimAt} with \"{weapon}\"{(kills % 2 == 0 ? " (headshot)" : string.Empty)}");
            kills++;
        }

        if (roster.FirstOrDefault(e => !e.Player.IsBot) is { } speaker)
        {
            log.Write($"{Player(speaker)} say_team \"round {round}: nice\"");
        }

        string winner = round % 2 == 1 ? "CT" : "TERRORIST";
        int ct = (round + 1) / 2;
        int t = round / 2;
        log.Write($"Team \"{winner}\" triggered \"{(winner == "CT" ? "SFUI_Notice_CTs_Win" : "SFUI_Notice_Terrorists_Win")}\" (CT \"{ct}\") (T \"{t}\")");
        log.Write("World triggered \"Round_End\"");
        log.Write($"Team \"CT\" scored \"{ct}\" with \"{roster.Count(e => Team(e) == "CT")}\" players");
        log.Write($"Team \"TERRORIST\" scored \"{t}\" with \"{roster.Count(e => Team(e) == "TERRORIST")}\" players");
    }
}
