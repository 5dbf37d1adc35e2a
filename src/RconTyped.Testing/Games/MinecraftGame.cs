using System.Globalization;
using RconTyped.Protocol;

namespace RconTyped.Testing.Games;

/// <summary>
/// Minecraft Java Edition (vanilla 1.13+ strings): <c>list</c> and <c>list uuids</c>, <c>say</c> (no output over RCON),
/// <c>kick</c>, and <c>whitelist list/add/remove</c>. Minecraft has no bots: they are left out.
/// </summary>
internal sealed class MinecraftGame : GameBehaviour
{
    private readonly SortedSet<string> _whitelist = new(StringComparer.OrdinalIgnoreCase);

    public override void AddCommands(ServerConsole console)
    {
        console.AddCommand("list", args => List(console, args.Count > 0 && args[0] == "uuids"), "Lists players on the server.");
        console.AddCommand("say", _ => string.Empty, "Sends a message to all players.");
        console.AddCommand("kick", args => Kick(console, args), "Kicks a player off the server.");
        console.AddCommand("whitelist", Whitelist, "Manages the server whitelist.");
    }

    /// <summary>Minecraft reads one packet per read() and closes the connection when the sizes disagree.</summary>
    public override bool ReadsOnePacketPerRead => true;

    /// <summary>Any type but AUTH and EXECCOMMAND is answered <c>Unknown request</c> and its type in hex (what clients use as an end marker).</summary>
    public override void AnswerOtherPacket(RconPacketHeader header, EmulatedSession session) =>
        session.Answer(header.Id, session.Options.Encoding.GetBytes($"Unknown request {header.Type.Value:x}"));

    /// <summary>Minecraft splits the text every 4096 UTF-16 units (not bytes), so packets hold up to 4096 characters.</summary>
    public override void QueueAnswer(int id, byte[] body, EmulatedSession session)
    {
        string text = session.Options.Encoding.GetString(body);
        for (int offset = 0; offset < Math.Max(text.Length, 1); offset += 4096)
        {
            session.Answer(id, session.Options.Encoding.GetBytes(text.Substring(offset, Math.Min(4096, text.Length - offset))));
        }
    }

    private static string List(ServerConsole console, bool uuids)
    {
        List<RosterEntry> players = [.. console.Roster.Where(e => !e.Player.IsBot)];
        string names = string.Join(", ", players.Select(e => uuids ? $"{e.Player.Name} ({Uuid(e)})" : e.Player.Name));
        return string.Create(CultureInfo.InvariantCulture, $"There are {players.Count} of a max of {console.MaxPlayers} players online: {names}");
    }

    private static string Uuid(RosterEntry entry) =>
        entry.Player.PlatformId ?? string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{entry.UserId:x12}");

    private static string Kick(ServerConsole console, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return "Unknown or incomplete command, see below for error\nkick<--[HERE]";
        }

        string reason = args.Count > 1 ? string.Join(' ', args.Skip(1)) : "Kicked by an operator";
        return console.RemovePlayer(e => !e.Player.IsBot && e.Player.Name == args[0]) ? $"Kicked {args[0]}: {reason}" : "No player was found";
    }

    private string Whitelist(IReadOnlyList<string> args)
    {
        lock (_whitelist)
        {
            switch (args.Count > 0 ? args[0] : string.Empty)
            {
                case "list":
                    return _whitelist.Count == 0
                        ? "There are no whitelisted players"
                        : string.Create(CultureInfo.InvariantCulture, $"There are {_whitelist.Count} whitelisted player(s): {string.Join(", ", _whitelist)}");
                case "add" when args.Count > 1:
                    return _whitelist.Add(args[1]) ? $"Added {args[1]} to the whitelist" : "Player is already whitelisted";
                case "remove" when args.Count > 1:
                    return _whitelist.Remove(args[1]) ? $"Removed {args[1]} from the whitelist" : "Player is not whitelisted";
                default:
                    return "Unknown or incomplete command, see below for error\nwhitelist<--[HERE]";
            }
        }
    }
}
