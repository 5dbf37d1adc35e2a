using System.Globalization;
using System.Text;

namespace RconTyped.Testing.Games;

/// <summary>Conan Exiles: the Source console, plus <c>ListPlayers</c> (padded, pipe-separated columns) and <c>KickPlayer</c>. No bots.</summary>
internal sealed class ConanExilesGame : SourceGame
{
    public override void AddCommands(ServerConsole console)
    {
        base.AddCommands(console);
        console.AddCommand("ListPlayers", _ => ListPlayers(console), "Lists the players.");
        console.AddCommand("KickPlayer", args => args.Count > 0 && console.RemovePlayer(e => !e.Player.IsBot && e.Player.Name == string.Join(' ', args))
            ? $"Kicked player {string.Join(' ', args)}\n"
            : "Player not found\n", "Kicks a player by character name.");
    }

    /// <summary>Conan Exiles' limit: more than <see cref="EmulatedServerOptions.RateLimit"/> commands in the last 30 seconds gets the dialect's answer (<c>42</c>).</summary>
    public override string? RateLimitAnswer(EmulatedSession session)
    {
        DateTimeOffset now = session.Options.TimeProvider.GetUtcNow();
        Queue<DateTimeOffset> recent = session.RecentCommands;
        while (recent.Count > 0 && now - recent.Peek() > TimeSpan.FromSeconds(30))
        {
            recent.Dequeue();
        }

        recent.Enqueue(now);
        return recent.Count > session.Options.RateLimit ? Game.Dialect.RateLimitAnswer : null;
    }

    private static string ListPlayers(ServerConsole console)
    {
        var text = new StringBuilder("Idx | Char name | Player name |      User ID |       Platform ID | Platform Name\n");
        int index = 0;
        foreach (RosterEntry entry in console.Roster.Where(e => !e.Player.IsBot))
        {
            string platformId = entry.Player.SteamId?.Id64.ToString(CultureInfo.InvariantCulture) ?? entry.PlatformId;
            text.Append(CultureInfo.InvariantCulture,
                $"{index++,3} | {entry.Player.Name} | {entry.Player.Name}#{1000 + entry.UserId} | {$"A-{entry.UserId:D10}",12} | {platformId,17} | {"STEAM",13}\n");
        }

        return text.ToString();
    }
}
