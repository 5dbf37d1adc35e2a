using System.Globalization;
using System.Text;

namespace RconTyped.Testing.Games;

/// <summary>ARK: <c>ListPlayers</c> (<c>0. Name, 7656…</c>, or <c>No Players Connected</c>), <c>KickPlayer</c>, <c>ServerChat</c>. No bots.</summary>
internal sealed class ArkGame : GameBehaviour
{
    public override void AddCommands(ServerConsole console)
    {
        console.AddCommand("ListPlayers", _ => ListPlayers(console), "Lists the players.");
        console.AddCommand("KickPlayer", args => Kick(console, args), "Kicks a player by Steam id.");
        console.AddCommand("ServerChat", _ => string.Empty, "Sends a chat message to all players.");
    }

    /// <summary>ARK answers a command without output with its "no response" text, padded.</summary>
    public override byte[] AnswerBody(byte[] output, EmulatedSession session) =>
        output.Length == 0 && Game.Dialect.EmptyAnswerText is { } empty ? session.Options.Encoding.GetBytes(empty + " \n") : output;

    private static string ListPlayers(ServerConsole console)
    {
        List<RosterEntry> players = [.. console.Roster.Where(e => !e.Player.IsBot)];
        if (players.Count == 0)
        {
            return "No Players Connected \n";
        }

        var text = new StringBuilder("\n");
        for (int i = 0; i < players.Count; i++)
        {
            string id = players[i].Player.SteamId?.Id64.ToString(CultureInfo.InvariantCulture) ?? players[i].PlatformId;
            text.Append(CultureInfo.InvariantCulture, $"{i}. {players[i].Player.Name}, {id} \n");
        }

        return text.ToString();
    }

    private static string Kick(ServerConsole console, IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !SteamId.TryParse(args[0], out SteamId id))
        {
            return string.Empty;
        }

        return console.RemovePlayer(e => e.Player.SteamId == id) ? $"{args[0]} Kicked \n" : string.Empty;
    }
}
