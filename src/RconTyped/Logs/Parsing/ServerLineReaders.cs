using static RconTyped.Logs.Parsing.LogGrammar;

namespace RconTyped.Logs.Parsing;

/// <summary>Reads a line that does not start with a player, from the text after its verb; null when the rest is not of that shape.</summary>
/// <param name="head">The line's timestamp and text.</param>
/// <param name="body">The line after the timestamp, verb included (for the readers that keep it whole).</param>
/// <param name="rest">The line after the verb.</param>
internal delegate LogEvent? ServerLineReader(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest);

/// <summary>
/// Lines that do not start with a player: the server's own (cvars, RCON, log files, maps, plugins, bans, votes, notices)
/// and, through <see cref="MatchLineReaders"/>, the game's (world and team triggers, scores, match status). One row of
/// <see cref="Verbs"/> per verb.
/// </summary>
internal static class ServerLineReaders
{
    public static readonly LogVerbTable<ServerLineReader> Verbs = new(
        ("World triggered ", (head, _, rest) => MatchLineReaders.WorldTriggered(head, rest)),
        ("Team ", (head, _, rest) => MatchLineReaders.Team(head, rest)),
        ("Team playing ", (head, _, rest) => MatchLineReaders.TeamPlaying(head, rest)),
        ("MatchStatus: Team playing ", (head, _, rest) => MatchLineReaders.TeamPlaying(head, rest)),
        ("MatchStatus: Team ", (head, _, rest) => MatchLineReaders.TeamUnset(head, rest)),
        ("MatchStatus: Score: ", (head, _, rest) => MatchLineReaders.MatchScore(head, rest)),
        ("Blue Team: ", MatchLineReaders.TournamentTeamName),
        ("Red Team: ", MatchLineReaders.TournamentTeamName),
        ("Match pause is enabled - ", (head, _, rest) => new MatchPauseEvent(head, isPaused: true, rest.ToString())),
        ("Match pause is disabled - ", (head, _, rest) => new MatchPauseEvent(head, isPaused: false, rest.ToString())),
        ("ACCOLADE, ", (head, _, rest) => MatchLineReaders.Accolade(head, rest)),
        ("Game Over: ", (head, _, rest) => MatchLineReaders.GameOver(head, rest)),
        ("Started: ", (head, _, rest) => MatchLineReaders.Started(head, rest)),
        ("Loading map ", (head, _, rest) => TryReadQuoted(ref rest, out string? map) ? new MapLoadingEvent(head, map) { Properties = LogProperties.Read(rest) } : null),
        ("Started map ", (head, _, rest) => TryReadQuoted(ref rest, out string? map) ? new MapStartedEvent(head, map) { Properties = LogProperties.Read(rest) } : null),
        ("-------- Mapchange to ", MapChange),
        ("server_cvar: ", Cvar),
        ("server_message: ", (head, _, rest) => new ServerMessageEvent(head, TryReadQuoted(ref rest, out string? message) ? message : rest.ToString())),
        ("rcon from \"", (head, _, rest) => LogRedaction.RconCommand(head, rest)),
        ("Bad Rcon: ", (head, _, rest) => LogRedaction.BadRcon(head, rest)),
        ("Log file started", (head, _, rest) => new LogFileEvent(head, isStarted: true) { Properties = LogProperties.Read(rest) }),
        ("Log file closed", (head, _, _) => new LogFileEvent(head, isStarted: false)),
        ("JSON_BEGIN{", Json),
        ("Banid: ", Banned),
        ("Vote ", Vote),
        ("[", Plugin),

        // The server's own notices, known by their words.
        ("server cvars start", Notice),
        ("server cvars end", Notice),
        ("Starting Freeze period", Notice),
        ("Tournament mode started", Notice),
        ("Match pending", Notice),
        ("Your server needs to be restarted", Notice),
        ("Your server is out of date", Notice));

    private const string LeadingNoise = " \u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010";

    public static LogEvent? Read(LogLineHead head, ReadOnlySpan<char> body)
    {
        // Plugins' announcements can start with a space and a chat colour code (0x01-0x10): " \u0004[FACEIT^] LIVE!".
        body = body.TrimStart(LeadingNoise);
        return Verbs.TryMatch(body, out ServerLineReader? reader, out int verb) ? reader(head, body, body[verb..]) : MatchLineReaders.ProjectileSpawned(head, body);
    }

    private static ServerMessageEvent Notice(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest) => new(head, body.ToString());

    /// <summary><c>server_cvar: "name" "value"</c>.</summary>
    private static ServerCvarEvent? Cvar(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        if (!TryReadQuoted(ref rest, out string? name))
        {
            return null;
        }

        rest = rest.TrimStart();
        return TryReadQuoted(ref rest, out string? value) ? new ServerCvarEvent(head, name, value) : null;
    }

    /// <summary><c>-------- Mapchange to cp_granary --------</c>.</summary>
    private static MapChangeEvent? MapChange(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> map = ReadWord(ref rest);
        return map.IsEmpty ? null : new MapChangeEvent(head, map.ToString());
    }

    /// <summary>CS2/CS:GO's <c>JSON_BEGIN{</c>, alone (a block's first line) or, on one line, with its <c>}}JSON_END</c>.</summary>
    private static JsonStatisticsEvent Json(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> json = body["JSON_BEGIN".Length..];
        int end = json.LastIndexOf("}}JSON_END");
        return new JsonStatisticsEvent(head, (end < 0 ? json : json[..(end + 2)]).ToString());
    }

    /// <summary><c>Banid: "A" was banned "for 5.00 minutes" by "Console"</c>.</summary>
    private static PlayerBannedEvent? Banned(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        if (!TryReadPlayer(ref rest, out LogPlayer? player) || !TrySkip(ref rest, " was banned ") || !TryReadQuoted(ref rest, out string? term)
            || !TrySkip(ref rest, " by ") || !TryReadQuoted(ref rest, out string? by))
        {
            return null;
        }

        return new PlayerBannedEvent(head, player, term, by) { Duration = Minutes(term) };
    }

    /// <summary><c>for 5.00 minutes</c> as a duration; null for anything else (<c>permanently</c>).</summary>
    private static TimeSpan? Minutes(string term)
    {
        ReadOnlySpan<char> text = term;
        if (!TrySkip(ref text, "for "))
        {
            return null;
        }

        double? minutes = Double(ReadWord(ref text));
        return minutes is >= 0 and < 1e9 && text.SequenceEqual(" minutes") ? TimeSpan.FromMinutes(minutes.Value) : null;
    }

    /// <summary>
    /// <c>Vote started "Kick " from #10 "A&lt;29&gt;&lt;STEAM_1:0:1&gt;&lt;CT&gt;&lt;Area 3018&gt;"</c>, <c>Vote cast … option0</c>: the
    /// player carries a fourth group, where they stand, which is dropped.
    /// </summary>
    private static VoteEvent? Vote(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> action = ReadWord(ref rest);
        if (action.IsEmpty || !TrySkip(ref rest, " ") || !TryReadQuotedSpan(ref rest, out ReadOnlySpan<char> issue))
        {
            return null;
        }

        LogPlayer? player = null;
        string? option = null;
        if (TrySkip(ref rest, " from #"))
        {
            ReadWord(ref rest);
            TrySkip(ref rest, " ");
            int close = rest.LastIndexOf(">\"");
            if (close > 0)
            {
                player = PlayerWithoutPlace(rest[..(close + 2)]);
                ReadOnlySpan<char> after = rest[(close + 2)..].Trim(' ');
                option = after.IsEmpty ? null : after.ToString();
            }
        }

        return new VoteEvent(head, action.ToString(), issue.Trim(' ').ToString(), player) { Option = option };
    }

    /// <summary>A player reference, read as it is or with its last group (CS:GO's place name) removed.</summary>
    private static LogPlayer? PlayerWithoutPlace(ReadOnlySpan<char> quoted)
    {
        ReadOnlySpan<char> text = quoted;
        if (TryReadPlayer(ref text, out LogPlayer? player))
        {
            return player;
        }

        int open = quoted.LastIndexOf('<');
        if (open < 1)
        {
            return null;
        }

        ReadOnlySpan<char> trimmed = string.Concat(quoted[..open], "\"");
        return TryReadPlayer(ref trimmed, out player) ? player : null;
    }

    /// <summary><c>[basecommands.smx] "Console&lt;0&gt;&lt;Console&gt;&lt;Console&gt;" kicked "A" (reason "…")</c>, <c>[META] …</c>, <c>[FACEIT] …</c>.</summary>
    private static PluginMessageEvent? Plugin(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        int close = rest.IndexOf(']');
        if (close < 1 || rest[..close].ContainsAny('[', ' '))
        {
            return null;
        }

        ReadOnlySpan<char> message = rest[(close + 1)..].TrimStart(' ');
        ReadOnlySpan<char> playerText = message;
        return new PluginMessageEvent(head, rest[..close].ToString(), message.ToString())
        {
            Player = TryReadPlayer(ref playerText, out LogPlayer? player) ? player : null,
            Properties = LogProperties.Read(message),
        };
    }
}
