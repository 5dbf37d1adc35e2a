using System.Globalization;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Testing.Games;

/// <summary>
/// Palworld: <c>ShowPlayers</c> (the <c>name,playeruid,steamid</c> CSV), <c>Info</c>, <c>Broadcast</c> and
/// <c>KickPlayer</c>, with the server's own answer texts. No bots.
/// </summary>
internal sealed class PalworldGame : GameBehaviour
{
    public override void AddCommands(ServerConsole console)
    {
        console.AddCommand("ShowPlayers", _ => ShowPlayers(console), "Shows the players on the server.");
        console.AddCommand("Info", _ => $"Welcome to Pal Server[v0.1.5.1] {console.Hostname}\n", "Shows server information.");
        console.AddCommand("Broadcast", args => $"Broadcasted: {string.Join(' ', args)}\n", "Sends a message to all players.");
        console.AddCommand("KickPlayer", args => Kick(console, args), "Kicks a player by SteamID or UserID.");
    }

    /// <summary>
    /// Palworld answers with id 0, and its size field counts UTF-8 bytes while the bytes sent stop after as many as the
    /// text has UTF-16 units: non-ASCII answers arrive short.
    /// </summary>
    public override void QueueAnswer(int id, byte[] body, EmulatedSession session)
    {
        int missing = body.Length - session.Options.Encoding.GetCharCount(body);
        session.Outbox.Add(new OutgoingPacket(0, RconPacketType.ResponseValue, body, Math.Min(missing, body.Length + 2)));
    }

    private static string ShowPlayers(ServerConsole console)
    {
        var text = new StringBuilder("name,playeruid,steamid\n");
        foreach (RosterEntry entry in console.Roster.Where(e => !e.Player.IsBot))
        {
            string uid = entry.Player.PlatformId ?? (1_000_000_000 + entry.UserId).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{entry.Player.Name},{uid},{entry.Player.SteamId?.Id64.ToString(CultureInfo.InvariantCulture) ?? "0"}\n");
        }

        return text.ToString();
    }

    private static string Kick(ServerConsole console, IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !SteamId.TryParse(args[0].Replace("steam_", string.Empty, StringComparison.Ordinal), out SteamId id))
        {
            return "Failed to Kick: Invalid SteamID or UserID\n";
        }

        string? name = console.Roster.FirstOrDefault(e => e.Player.SteamId == id)?.Player.Name;
        return name is not null && console.RemovePlayer(e => e.Player.SteamId == id) ? $"Kicked: {name}\n" : "Failed to Kick: Player not found\n";
    }
}
