using System.Globalization;
using System.Text;
using RconTyped.Schema;
using RconTyped.Testing.Games;

namespace RconTyped.Testing;

/// <summary>
/// The emulated server's console: its cvars and commands, answering lines as srcds does.
/// Thread-safe: every connection of the server shares one console.
/// </summary>
public sealed class ServerConsole
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, ConsoleVariable> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<string, ConsoleCommand> _commands = new(StringComparer.OrdinalIgnoreCase);
    private const int ExecutedCommandsKept = 100_000;
    private readonly Queue<string> _executed = new();
    private readonly List<RosterEntry> _roster = [];
    private int _lastUserId = 1;
    private int _roundsPlayed;

    /// <summary>Creates a console with the built-in commands and, when <paramref name="cvarList"/> is null, the built-in cvars.</summary>
    /// <param name="mode">Which server's output format to use.</param>
    /// <param name="cvarList">A <c>cvarlist</c> dump to load; its commands answer with nothing unless built in.</param>
    public ServerConsole(EmulatedServerMode mode = EmulatedServerMode.Source, string? cvarList = null)
    {
        Log = new ServerLog(() => TryGetVariable("sv_logsecret", out ConsoleVariable? secret) ? secret.Value : null);
        Behaviour = EmulatedGame.For(mode).CreateBehaviour();
        AddBuiltInCommands();
        Behaviour.AddCommands(this);
        if (cvarList is null)
        {
            AddDefaultVariables();
        }
        else
        {
            Load(cvarList);
        }
    }

    /// <summary>The console variables, by name.</summary>
    public IReadOnlyCollection<ConsoleVariable> Variables
    {
        get
        {
            lock (_gate)
            {
                return [.. _variables.Values];
            }
        }
    }

    /// <summary>The statements run so far (the last 100,000), in order, as received (after splitting at ';').</summary>
    public IReadOnlyList<string> ExecutedCommands
    {
        get
        {
            lock (_gate)
            {
                return [.. _executed];
            }
        }
    }

    /// <summary>The map the emulated server runs; <c>changelevel</c> changes it.</summary>
    public string Map { get; private set; } = "de_dust2";

    /// <summary>The players on the server, in slot order. Every game mode lists them in its own layout; <c>kick</c> removes them.</summary>
    public IReadOnlyList<EmulatedPlayer> Players
    {
        get
        {
            lock (_gate)
            {
                return [.. _roster.Select(entry => entry.Player)];
            }
        }
    }

    /// <summary>Puts a player on the server, in the first free slot, and returns the user id the server gave it.</summary>
    public int AddPlayer(EmulatedPlayer player)
    {
        ArgumentNullException.ThrowIfNull(player);
        lock (_gate)
        {
            int slot = 0;
            while (_roster.Any(entry => entry.Slot == slot))
            {
                slot++;
            }

            var added = new RosterEntry(slot, ++_lastUserId, player);
            _roster.Add(added);
            _roster.Sort((a, b) => a.Slot.CompareTo(b.Slot));
            string who = LogLines.Player(added, team: string.Empty);
            Log.Write($"{who} connected, address \"{added.Address?.ToString() ?? string.Empty}\"");
            if (!player.IsBot)
            {
                Log.Write($"{who} STEAM USERID validated");
            }

            Log.Write($"{who} entered the game");
            Log.Write($"{LogLines.Player(added, "Unassigned")} joined team \"{LogLines.Team(added)}\"");
            return added.UserId;
        }
    }

    /// <summary>Takes the players with this name off the server, as a kick does; false when there was none.</summary>
    public bool RemovePlayer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return RemovePlayer(entry => entry.Player.Name == name);
    }

    /// <summary>What this console's game does: its commands and the packets around its answers.</summary>
    internal GameBehaviour Behaviour { get; }

    /// <summary>The roster with slots and user ids, for the game behaviours.</summary>
    internal IReadOnlyList<RosterEntry> Roster
    {
        get
        {
            lock (_gate)
            {
                return [.. _roster];
            }
        }
    }

    internal bool RemovePlayer(Func<RosterEntry, bool> match, string reason = "Kicked by Console")
    {
        lock (_gate)
        {
            List<RosterEntry> leaving = [.. _roster.Where(match)];
            foreach (RosterEntry entry in leaving)
            {
                _roster.Remove(entry);
                Log.Write($"{LogLines.Player(entry)} disconnected (reason \"{reason}\")");
            }

            return leaving.Count > 0;
        }
    }

    /// <summary>The server's log: <c>log on</c> and <c>logaddress_add</c> send what happens on the server there.</summary>
    public ServerLog Log { get; }

    /// <summary>
    /// Writes the log of one scripted round to the log addresses: the round's start, a kill by each human of someone on the
    /// other team (with damage first), team chat, the win and the scores, in CS:GO's format. For tests and demos of log
    /// listeners; <see cref="EmulatedServerOptions.MatchRoundInterval"/> plays rounds on its own.
    /// </summary>
    public void PlayRound()
    {
        lock (_gate)
        {
            LogLines.PlayRound(this, [.. _roster], ++_roundsPlayed);
        }
    }

    /// <summary>The <c>hostname</c> cvar, or the emulator's name.</summary>
    internal string Hostname => TryGetVariable("hostname", out ConsoleVariable? h) ? h.Value : "RconTyped emulated server";

    /// <summary>The <c>maxplayers</c> cvar, or 24.</summary>
    internal string MaxPlayers => TryGetVariable("maxplayers", out ConsoleVariable? m) ? m.Value : "24";

    /// <summary>Adds or replaces a console variable.</summary>
    public void AddVariable(ConsoleVariable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        lock (_gate)
        {
            _variables[variable.Name] = variable;
        }
    }

    /// <summary>
    /// Adds or replaces a console command. The handler gets the words after the command name (quotes removed)
    /// and returns the output, or null to send no answer at all (in Source mode the following end marker is not mirrored either).
    /// The server writes answers once it has handled every request of a read, so a handler that blocks also holds back
    /// answers to requests that arrived together with its own.
    /// </summary>
    public void AddCommand(string name, Func<IReadOnlyList<string>, string?> handler, string description = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _commands[name] = new ConsoleCommand(name, description, handler);
        }
    }

    /// <summary>Whether the console has a command of that name (built-in or added).</summary>
    public bool HasCommand(string name)
    {
        lock (_gate)
        {
            return _commands.ContainsKey(name);
        }
    }

    /// <summary>Looks up a variable.</summary>
    public bool TryGetVariable(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConsoleVariable? variable)
    {
        lock (_gate)
        {
            return _variables.TryGetValue(name, out variable);
        }
    }

    /// <summary>
    /// Runs a console line (several statements joined by ';') and returns the output, or null when no statement
    /// produced an answer and at least one asked for silence.
    /// </summary>
    public string? Execute(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var output = new StringBuilder();
        bool silent = false;
        foreach (string statement in ConsoleLine.SplitStatements(line))
        {
            List<string> words = ConsoleLine.SplitWords(statement);
            if (words.Count == 0)
            {
                continue;
            }

            string? result;
            lock (_gate)
            {
                _executed.Enqueue(statement.Trim());
                if (_executed.Count > ExecutedCommandsKept)
                {
                    _executed.Dequeue();
                }

                result = ExecuteStatement(words, statement);
            }

            if (result is null)
            {
                silent = true;
            }
            else
            {
                output.Append(result);
            }
        }

        return silent && output.Length == 0 ? null : output.ToString();
    }

    private string? ExecuteStatement(List<string> words, string statement)
    {
        string name = words[0];
        if (_commands.TryGetValue(name, out ConsoleCommand? command))
        {
            return command.Handler(words.Skip(1).ToList());
        }

        if (_variables.TryGetValue(name, out ConsoleVariable? variable))
        {
            if (words.Count == 1)
            {
                return Describe(variable);
            }

            // srcds takes the rest of the line as the value when it is not quoted.
            variable.Set(words.Count == 2 ? words[1] : ArgumentText(statement));
            if (variable.Flags.Contains("nf"))
            {
                // srcds logs changes of notify cvars.
                Log.Write($"server_cvar: \"{variable.Name}\" \"{variable.Value}\"");
            }

            return string.Empty;
        }

        return $"Unknown command \"{name}\"\n";
    }

    /// <summary>The text after the command word, as srcds's Args() gives it to echo and say.</summary>
    private static string ArgumentText(string statement)
    {
        string trimmed = statement.TrimStart();
        int space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
    }

    private string Describe(ConsoleVariable variable)
    {
        if (Behaviour.DescribeVariable(variable) is { } own)
        {
            return own;
        }

        // The one-line form srcds sends over RCON: "name" = "value" ( def. "x" ) min. a max. b flags - help
        var line = new StringBuilder();
        line.Append('"').Append(variable.Name).Append("\" = \"").Append(variable.Value).Append('"');
        if (variable.Value != variable.Default)
        {
            line.Append(" ( def. \"").Append(variable.Default).Append("\" )");
        }

        if (variable.Min is { } min)
        {
            line.Append(" min. ").Append(min.ToString("F6", CultureInfo.InvariantCulture));
        }

        if (variable.Max is { } max)
        {
            line.Append(" max. ").Append(max.ToString("F6", CultureInfo.InvariantCulture));
        }

        foreach (string flag in variable.Flags)
        {
            line.Append(' ').Append(LongFlagName(flag));
        }

        string head = line.ToString();
        return variable.Description.Length == 0
            ? head + "\n"
            : $"{head.PadRight(80)} - {variable.Description}\n";
    }

    private string CvarList(IReadOnlyList<string> args)
    {
        string prefix = args.Count > 0 ? args[0] : string.Empty;
        var rows = new List<(string Name, string Value, IReadOnlyList<string> Flags, string Description)>();
        foreach (ConsoleVariable v in _variables.Values)
        {
            rows.Add((v.Name, Behaviour.CvarListValue(v.Value), v.Flags, v.Description));
        }

        foreach (ConsoleCommand c in _commands.Values)
        {
            rows.Add((c.Name, "cmd", [], c.Description));
        }

        rows.RemoveAll(r => !r.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        rows.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));

        var text = new StringBuilder("cvar list\n--------------\n");
        foreach (var row in rows)
        {
            text.Append(Behaviour.CvarListRow(row.Name, row.Value, row.Flags, row.Description));
        }

        text.Append("--------------\n");
        text.Append(prefix.Length == 0
            ? $"{rows.Count,3} total convars/concommands\n"
            : $"{rows.Count,3} convars/concommands for [{prefix}]\n");
        return text.ToString();
    }

    private void AddBuiltInCommands()
    {
        _commands["echo"] = new ConsoleCommand("echo", "Echo text to console.", args => string.Join(' ', args) + "\n");
        _commands["cvarlist"] = new ConsoleCommand("cvarlist", "Show the list of convars/concommands.", CvarList);
        _commands["changelevel"] = new ConsoleCommand("changelevel", "Change server to the specified map", args =>
        {
            if (args.Count == 0)
            {
                return "changelevel <levelname> : continue game on a new level\n";
            }

            Map = args[0];
            Log.Write($"Loading map \"{Map}\"");
            Log.Write($"Started map \"{Map}\" (CRC \"1234567890\")");
            return string.Empty;
        });
        _commands["help"] = new ConsoleCommand("help", "Find help about a convar/concommand.", args =>
        {
            if (args.Count == 0)
            {
                return "Usage:  help <cvarname>\n";
            }

            if (_variables.TryGetValue(args[0], out ConsoleVariable? v))
            {
                return Describe(v);
            }

            return _commands.TryGetValue(args[0], out ConsoleCommand? c)
                ? $"{$"\"{c.Name}\"",-80} - {c.Description}\n"
                : $"help:  no cvar or command named {args[0]}\n";
        });
    }

    private void AddDefaultVariables()
    {
        AddVariable(new ConsoleVariable("hostname", "RconTyped emulated server", description: "Hostname for server."));
        AddVariable(new ConsoleVariable("maxplayers", "24", 1, 64, description: "Maximum number of players."));
        AddVariable(new ConsoleVariable("sv_cheats", "0", 0, 1, ["nf", "rep"], "Allow cheats on server"));
        AddVariable(new ConsoleVariable("sv_gravity", "800", null, null, ["nf", "rep"], "World gravity."));
        AddVariable(new ConsoleVariable("sv_password", string.Empty, flags: ["nf", "prot", "norecord"], description: "Server password for entry into multiplayer games"));
        AddVariable(new ConsoleVariable("mp_timelimit", "0", 0, null, ["nf", "rep"], "game time per map in minutes"));
        AddVariable(new ConsoleVariable("mp_friendlyfire", "0", 0, 1, ["nf", "rep"], "Allows team members to injure other members of their team"));
        AddVariable(new ConsoleVariable("sv_maxrate", "0", 0, 1048576, ["rep"], "Max bandwidth rate allowed on server, 0 == unlimited"));
        AddVariable(new ConsoleVariable("sv_logsecret", "0", description: "If set then server logs are sent with this secret (0 for none)."));
    }

    private void Load(string cvarList)
    {
        foreach (ConVar row in CvarListParser.Parse(cvarList))
        {
            if (row.IsCommand)
            {
                if (!_commands.ContainsKey(row.Name))
                {
                    _commands[row.Name] = new ConsoleCommand(row.Name, row.Description, _ => string.Empty);
                }
            }
            else
            {
                _variables[row.Name] = new ConsoleVariable(row.Name, row.Value, flags: row.Flags, description: row.Description);
            }
        }
    }

    private static string LongFlagName(string flag) => flag switch
    {
        "sv" => "game",
        "cl" => "client",
        "a" => "archive",
        "nf" => "notify",
        "rep" => "replicated",
        "cheat" => "cheat",
        "prot" => "protected",
        _ => flag,
    };
}
