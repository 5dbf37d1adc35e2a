using System.Globalization;
using System.Text;
using System.Text.Json;
using RconTyped.Logs;

namespace RconTyped.Cli;

/// <summary>One event a line: readable (coloured on a terminal) or JSON.</summary>
internal static class LogEventPrinter
{
    public static string Text(LogEvent e, bool color)
    {
        string time = e.Timestamp is { } t ? t.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " " : string.Empty;
        (string text, string? ansi) = e switch
        {
            PlayerKilledEvent k => ($"{k.Killer.Name} killed {k.Victim.Name} with {k.Weapon}{(k.Headshot ? " (headshot)" : string.Empty)}", "31"),
            PlayerSayEvent s => ($"{s.Player.Name}{(s.TeamOnly ? " (team)" : string.Empty)}: {s.Message}", "36"),
            PlayerConnectedEvent c => ($"{c.Player.Name} connected", "32"),
            PlayerDisconnectedEvent d => ($"{d.Player.Name} left{(d.Reason is null ? string.Empty : $" ({d.Reason})")}", "33"),
            WorldTriggeredEvent w => ($"world: {w.Action}", "1"),
            TeamScoreEvent score => ($"{score.Team} score {score.Score}", "1"),
            _ => (LogLineAssembler.Body(e), null),
        };
        return color && ansi is not null ? $"{time}\u001b[{ansi}m{text}\u001b[0m" : time + text;
    }

    public static string Json(LogEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", e.GetType().Name[..^"Event".Length]);
            if (e.Timestamp is { } t)
            {
                json.WriteString("timestamp", t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            }

            switch (e)
            {
                case PlayerKilledEvent k:
                    Player(json, "killer", k.Killer);
                    Player(json, "victim", k.Victim);
                    json.WriteString("weapon", k.Weapon);
                    json.WriteBoolean("headshot", k.Headshot);
                    break;
                case PlayerSayEvent s:
                    Player(json, "player", s.Player);
                    json.WriteString("message", s.Message);
                    json.WriteBoolean("teamOnly", s.TeamOnly);
                    break;
                case PlayerDisconnectedEvent d:
                    Player(json, "player", d.Player);
                    json.WriteString("reason", d.Reason);
                    break;
                case WorldTriggeredEvent w:
                    json.WriteString("action", w.Action);
                    break;
                case TeamTriggeredEvent team:
                    json.WriteString("team", team.Team);
                    json.WriteString("action", team.Action);
                    break;
                case TeamScoreEvent score:
                    json.WriteString("team", score.Team);
                    if (score.Score is { } value)
                    {
                        json.WriteNumber("score", value);
                    }

                    break;
            }

            json.WriteString("raw", e.Raw);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Player(Utf8JsonWriter json, string name, LogPlayer player)
    {
        json.WriteStartObject(name);
        json.WriteString("name", player.Name);
        if (player.UserId is { } userId)
        {
            json.WriteNumber("userId", userId);
        }

        if (player.SteamId is { } steamId)
        {
            json.WriteString("steamId", steamId.Id64.ToString(CultureInfo.InvariantCulture));
        }

        json.WriteString("team", player.Team);
        json.WriteBoolean("bot", player.IsBot);
        json.WriteEndObject();
    }
}
