using System.Globalization;
using System.Text;

namespace RconTyped.Testing.Games;

/// <summary>
/// Source 1 srcds (TF2, CS:S, CS:GO …): <c>status</c> in the TF2 layout of 2025, <c>users</c>, <c>kick</c> and
/// <c>kickid</c>, <c>maps</c> and <c>stats</c>, each as the engine prints it (host_cmd.cpp's formats).
/// </summary>
internal class SourceGame : GameBehaviour
{
    /// <summary>The maps <c>maps</c> lists: the emulator's "installed" maps.</summary>
    private static readonly string[] InstalledMaps = ["cp_badlands", "cs_office", "de_dust2", "de_inferno", "de_mirage", "pl_badwater"];

    public override void AddCommands(ServerConsole console)
    {
        console.AddCommand("status", _ => Status(console), "Display map and connection status.");
        console.AddCommand("users", _ => Users(console), "Show user info for players on server.");
        console.AddCommand("kick", args => Kick(console, args), "Kick a player by name.");
        console.AddCommand("kickid", args => KickId(console, args), "Kick a player by userid or uniqueid, with a message.");
        console.AddCommand("maps", args => Maps(args), "Displays list of maps.");
        console.AddCommand("stats", _ => Stats(console), "Prints server performance variables");
        console.AddCommand("say", args =>
        {
            string message = string.Join(' ', args);
            console.Log.Write($"\"Console<0><Console><Console>\" say \"{message}\"");
            return $"Console: {message}\n";
        }, "Display player message");
        console.AddCommand("log", args => Log(console.Log, args), "Enables logging to file, console, and udp < on | off >.");
        console.AddCommand("logaddress_add", args => args.Count == 0 ? "Usage:  logaddress_add ip:port\n" : console.Log.Add(args[0]), "Set address and port for remote host <ip:port>.");
        console.AddCommand("logaddress_del", args => args.Count == 0 ? "Usage:  logaddress_del ip:port\n" : console.Log.Remove(args[0]), "Remove address and port for remote host <ip:port>.");
        console.AddCommand("logaddress_delall", _ => console.Log.RemoveAll(), "Remove all udp addresses being logged to.");
        console.AddCommand("logaddress_add_http", args => args.Count == 0 ? "Usage:  logaddress_add_http <URI>\n" : console.Log.AddHttp(args[0]), "Set URI of a listener to receive logs via http post.");
        console.AddCommand("logaddress_delall_http", _ => console.Log.RemoveAllHttp(), "Remove all http listeners from the dispatch list.");
        console.AddCommand("logaddress_list_http", _ => string.Concat(console.Log.Urls.Select(u => $"{u}\n")) is { Length: > 0 } list ? list : "logaddress_list_http:  no http listeners\n", "List all URIs receiving logs via http.");
        console.AddCommand("logaddress_list", _ => string.Concat(console.Log.Addresses.Select(a => $"{a}\n")) is { Length: > 0 } list ? list : "logaddress_list:  no addresses in the list\n", "List all addresses currently being used by logaddress.");
    }

    /// <summary><c>log on|off</c>; without an argument, the state.</summary>
    private static string Log(ServerLog log, IReadOnlyList<string> args)
    {
        switch (args.Count > 0 ? args[0].ToLowerInvariant() : string.Empty)
        {
            case "on" or "1":
                log.Enabled = true;
                log.Write("Log file started (file \"logs/L000_000_000_000_0_202611301200_000.log\") (game \"/emulated\") (version \"1.0.0.0\")");
                return "Server logging enabled.\n";
            case "off" or "0":
                log.Write("Log file closed");
                log.Enabled = false;
                return "Server logging disabled.\n";
            default:
                return log.Enabled ? "currently logging to: console, udp\n" : "not currently logging\n";
        }
    }

    protected virtual string Status(ServerConsole console)
    {
        IReadOnlyList<RosterEntry> roster = console.Roster;
        int bots = roster.Count(e => e.Player.IsBot);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"hostname: {console.Hostname}\n")
            .Append("version : 1.0.0.0/24 0 secure\n")
            .Append("udp/ip  : 127.0.0.1:27015  (public ip: 127.0.0.1)\n")
            .Append(CultureInfo.InvariantCulture, $"map     : {console.Map} at: 0 x, 0 y, 0 z\n")
            .Append(CultureInfo.InvariantCulture, $"players : {roster.Count - bots} humans, {bots} bots ({console.MaxPlayers} max)\n")
            .Append("edicts  : 426 used of 2048 max\n")
            .Append("# userid name                uniqueid            connected ping loss state  adr\n");
        foreach (RosterEntry entry in roster)
        {
            string name = $"\"{entry.Player.Name}\"";
            if (entry.Player.IsBot)
            {
                text.Append(CultureInfo.InvariantCulture, $"#{entry.UserId,7} {name,-19} BOT                       active\n");
            }
            else
            {
                string uniqueId = entry.Player.SteamId?.ToSteam3() ?? "STEAM_ID_PENDING";
                text.Append(CultureInfo.InvariantCulture,
                    $"#{entry.UserId,7} {name,-19} {uniqueId,-19} {Duration(entry.Player.Connected),9} {entry.Player.Ping,4} {0,4} active {entry.Address}\n");
            }
        }

        return text.ToString();
    }

    private static string Users(ServerConsole console)
    {
        IReadOnlyList<RosterEntry> roster = console.Roster;
        var text = new StringBuilder("<slot:userid:\"name\">\n");
        foreach (RosterEntry entry in roster)
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Slot}:{entry.UserId}:\"{entry.Player.Name}\"\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"{roster.Count} users\n").ToString();
    }

    /// <summary><c>kick name</c> or <c>kick #userid</c>.</summary>
    private static string Kick(ServerConsole console, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return "Usage:  kick < name > | < userid >\n";
        }

        string who = string.Join(' ', args);
        bool removed = who.StartsWith('#') && int.TryParse(who.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int userId)
            ? console.RemovePlayer(e => e.UserId == userId)
            : console.RemovePlayer(e => e.Player.Name == who);
        return removed ? string.Empty : $"Can't kick {who}, no such player\n";
    }

    /// <summary><c>kickid userid|uniqueid [message]</c>.</summary>
    private static string KickId(ServerConsole console, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return "Usage:  kickid < userid | uniqueid > { message }\n";
        }

        string who = args[0];
        bool removed = int.TryParse(who, NumberStyles.None, CultureInfo.InvariantCulture, out int userId)
            ? console.RemovePlayer(e => e.UserId == userId)
            : SteamId.TryParse(who, out SteamId id) && console.RemovePlayer(e => e.Player.SteamId == id);
        return removed ? string.Empty : $"kickid:  no user {who} found\n";
    }

    /// <summary><c>maps *</c> or <c>maps de_</c>: one <c>PENDING:   (fs) name.bsp</c> line per installed map.</summary>
    private static string Maps(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return "Usage:  maps <substring>\nmaps * for full listing\n";
        }

        string filter = args[0] == "*" ? string.Empty : args[0];
        var text = new StringBuilder("-------------\n");
        foreach (string map in InstalledMaps.Where(m => m.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            text.Append("PENDING:   (fs) ").Append(map).Append(".bsp\n");
        }

        return text.ToString();
    }

    /// <summary>The Source 2013 <c>stats</c> layout (TF2, CS:S, GMod, HL2DM); CS:GO's has other columns.</summary>
    private static string Stats(ServerConsole console) =>
        "CPU    In_(KB/s)  Out_(KB/s)  Uptime  Map_changes  FPS      Players  Connects\n" +
        string.Create(CultureInfo.InvariantCulture, $"{1.5,-6:0.00} {2.25,-10:0.00} {8.5,-11:0.00} {12,-7} {1,-12} {66.67,-8:0.00} {console.Roster.Count(e => !e.Player.IsBot),-8} {console.Roster.Count,-8}\n");

    protected static string Duration(TimeSpan connected) =>
        connected.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)connected.TotalHours}:{connected.Minutes:00}:{connected.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{connected.Minutes:00}:{connected.Seconds:00}");
}
