using System.Globalization;
using System.Text;

namespace RconTyped.Testing.Games;

/// <summary>Factorio: <c>/players online</c> and <c>/kick</c>. No bots.</summary>
internal sealed class FactorioGame : GameBehaviour
{
    public override void AddCommands(ServerConsole console)
    {
        console.AddCommand("/players", args => Players(console, args), "Prints the list of players.");
        console.AddCommand("/kick", args => console.RemovePlayer(e => !e.Player.IsBot && args.Count > 0 && e.Player.Name == args[0]) ? string.Empty : "Player not found.\n", "Kicks a player.");
    }

    private static string Players(ServerConsole console, IReadOnlyList<string> args)
    {
        List<RosterEntry> players = [.. console.Roster.Where(e => !e.Player.IsBot)];
        bool online = args.Count > 0 && args[0] is "online" or "o";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{(online ? "Online players" : "Players")} ({players.Count}):\n");
        foreach (RosterEntry entry in players)
        {
            text.Append("  ").Append(entry.Player.Name).Append(" (online)\n");
        }

        return text.ToString();
    }
}
