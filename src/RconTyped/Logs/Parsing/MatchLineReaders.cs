using static RconTyped.Logs.Parsing.LogGrammar;

namespace RconTyped.Logs.Parsing;

/// <summary>
/// The game's own lines: world and team triggers, scores, which name each side plays under, CS:GO and CS2's match
/// status, awards, pauses and the end of the match. Rows for them are in <see cref="ServerLineReaders.Verbs"/>.
/// </summary>
internal static class MatchLineReaders
{
    /// <summary><c>World triggered "Round_Start"</c>, after the verb.</summary>
    public static WorldTriggeredEvent? WorldTriggered(LogLineHead head, ReadOnlySpan<char> rest) =>
        TryReadQuoted(ref rest, out string? action) ? new WorldTriggeredEvent(head, action) { Properties = LogProperties.Read(rest) } : null;

    /// <summary><c>Team "CT" triggered "…" (CT "3") (T "1")</c>, <c>Team "Red" current score "2" with "6" players</c>, <c>final score</c>, <c>scored</c>.</summary>
    public static LogEvent? Team(LogLineHead head, ReadOnlySpan<char> rest)
    {
        if (!TryReadQuotedSpan(ref rest, out ReadOnlySpan<char> teamText))
        {
            return null;
        }

        string team = LogGrammar.Team(teamText);
        if (TrySkip(ref rest, " triggered "))
        {
            if (!TryReadQuoted(ref rest, out string? action))
            {
                return null;
            }

            IReadOnlyList<KeyValuePair<string, string>> properties = LogProperties.Read(rest);
            return new TeamTriggeredEvent(head, team, action)
            {
                Properties = properties,
                CTScore = Int(LogProperties.Value(properties, "CT")),
                TScore = Int(LogProperties.Value(properties, "T")),
            };
        }

        bool isFinal = TrySkip(ref rest, " final score ");
        if ((!isFinal && !TrySkip(ref rest, " current score ") && !TrySkip(ref rest, " scored ")) || !TryReadQuotedSpan(ref rest, out ReadOnlySpan<char> score))
        {
            return null;
        }

        int? players = TrySkip(ref rest, " with ") && TryReadQuotedSpan(ref rest, out ReadOnlySpan<char> count) ? LogGrammar.Int(count) : null;
        return new TeamScoreEvent(head, team, LogGrammar.Int(score), players, isFinal) { Properties = LogProperties.Read(rest) };
    }

    /// <summary><c>"CT": NAVI GGBET</c>, after <c>Team playing </c> or <c>MatchStatus: Team playing </c>.</summary>
    public static TeamNameEvent? TeamPlaying(LogLineHead head, ReadOnlySpan<char> rest) =>
        TryReadQuotedSpan(ref rest, out ReadOnlySpan<char> team) && TrySkip(ref rest, ": ") ? new TeamNameEvent(head, LogGrammar.Team(team), rest.ToString()) : null;

    /// <summary><c>MatchStatus: Team "CT" is unset.</c>, after <c>MatchStatus: Team </c>.</summary>
    public static TeamNameEvent? TeamUnset(LogLineHead head, ReadOnlySpan<char> rest) =>
        TryReadQuotedSpan(ref rest, out ReadOnlySpan<char> team) && TrySkip(ref rest, " is unset") ? new TeamNameEvent(head, LogGrammar.Team(team), null) : null;

    /// <summary>TF2's tournament names: <c>Blue Team: BLU</c>.</summary>
    public static TeamNameEvent? TournamentTeamName(LogLineHead head, ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> team = ReadWord(ref body);
        return rest.IsEmpty ? null : new TeamNameEvent(head, LogGrammar.Team(team), rest.ToString());
    }

    /// <summary><c>17:19 on map "de_dust2" RoundsPlayed: 36</c>, after <c>MatchStatus: Score: </c>.</summary>
    public static MatchScoreEvent? MatchScore(LogLineHead head, ReadOnlySpan<char> rest)
    {
        int onMap = rest.IndexOf(" on map ");
        if (onMap < 0 || !TryReadScore(rest[..onMap], out int? ct, out int? t))
        {
            return null;
        }

        rest = rest[(onMap + " on map ".Length)..];
        if (!TryReadQuoted(ref rest, out string? map))
        {
            return null;
        }

        int? rounds = TrySkip(ref rest, " RoundsPlayed: ") ? LogGrammar.Int(rest.Trim(' ')) : null;
        return new MatchScoreEvent(head, ct, t, map, rounds);
    }

    /// <summary>
    /// <c>FINAL: {3k},\tName&lt;8&gt;,\tVALUE: 1.000000,\tPOS: 2,\tSCORE: 20.000002</c>, after <c>ACCOLADE, </c>. The fields
    /// are found by their names from the right, so a name with commas or tabs is read whole.
    /// </summary>
    public static AccoladeEvent? Accolade(LogLineHead head, ReadOnlySpan<char> rest)
    {
        int open = rest.IndexOf(": {");
        int close = rest.IndexOf("},");
        int valueAt = rest.LastIndexOf(",\tVALUE: ");
        if (open < 0 || close < open + 3 || valueAt < close + 2)
        {
            return null;
        }

        bool isFinal = rest[..open].SequenceEqual("FINAL");
        string accolade = rest[(open + 3)..close].ToString();
        ReadOnlySpan<char> who = rest[(close + 2)..valueAt].Trim("\t ");
        ReadOnlySpan<char> fields = rest[(valueAt + 2)..];

        // "Name<8>": the user id is the last group.
        int lt = who.LastIndexOf('<');
        bool hasUserId = lt >= 0 && who[^1] == '>';
        return new AccoladeEvent(head, accolade, (hasUserId ? who[..lt] : who).ToString())
        {
            UserId = hasUserId ? LogGrammar.Int(who[(lt + 1)..^1]) : null,
            Value = Double(Field(fields, "VALUE: ")),
            Position = LogGrammar.Int(Field(fields, "POS: ")),
            Score = Double(Field(fields, "SCORE: ")),
            IsFinal = isFinal,
        };
    }

    /// <summary>
    /// <c>competitive mg_active de_dust2 score 16:8 after 42 min</c>, after <c>Game Over: </c>: the mode, the map group (a
    /// workshop id, or nothing, leaving two spaces), the map, the score, the minutes.
    /// </summary>
    public static GameOverEvent? GameOver(LogLineHead head, ReadOnlySpan<char> rest)
    {
        int scoreAt = rest.LastIndexOf(" score ");
        if (scoreAt < 0)
        {
            return null;
        }

        ReadOnlySpan<char> names = rest[..scoreAt];
        int first = names.IndexOf(' ');
        int last = names.LastIndexOf(' ');
        if (first < 0)
        {
            return null;
        }

        rest = rest[(scoreAt + " score ".Length)..];
        int after = rest.IndexOf(" after ");
        if (!TryReadScore(after < 0 ? rest : rest[..after], out int? ct, out int? t))
        {
            return null;
        }

        ReadOnlySpan<char> minutes = after < 0 ? [] : rest[(after + " after ".Length)..];
        int? duration = LogGrammar.Int(ReadWord(ref minutes));
        return new GameOverEvent(head, names[..first].ToString(), first < last ? names[(first + 1)..last].ToString() : string.Empty, names[(last + 1)..].ToString(), ct, t)
        {
            Duration = duration is >= 0 ? TimeSpan.FromMinutes(duration.Value) : null,
        };
    }

    /// <summary>CS2's <c>Started: "…"</c>, after the verb.</summary>
    public static MatchStartedEvent Started(LogLineHead head, ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        return new MatchStartedEvent(head, TryReadQuoted(ref rest, out string? name) ? name : rest.ToString());
    }

    /// <summary><c>Molotov projectile spawned at x y z, velocity vx vy vz</c>: the one line whose first word is not its verb.</summary>
    public static ProjectileSpawnedEvent? ProjectileSpawned(LogLineHead head, ReadOnlySpan<char> body)
    {
        const string SpawnedAt = " projectile spawned at ";
        int at = body.IndexOf(SpawnedAt);
        if (at < 1 || body[..at].Contains(' '))
        {
            return null;
        }

        ReadOnlySpan<char> rest = body[(at + SpawnedAt.Length)..];
        int velocity = rest.IndexOf(", velocity ");
        return new ProjectileSpawnedEvent(head, body[..at].ToString())
        {
            Position = ParseVector(velocity < 0 ? rest : rest[..velocity]),
            Velocity = velocity < 0 ? null : ParseVector(rest[(velocity + ", velocity ".Length)..]),
        };
    }

    /// <summary><c>17:19</c>; each side null when it is not a number.</summary>
    private static bool TryReadScore(ReadOnlySpan<char> text, out int? first, out int? second)
    {
        int colon = text.IndexOf(':');
        first = colon < 0 ? null : LogGrammar.Int(text[..colon]);
        second = colon < 0 ? null : LogGrammar.Int(text[(colon + 1)..]);
        return colon >= 0;
    }

    /// <summary>The value after <paramref name="name"/> in <c>VALUE: 1.0,\tPOS: 2,\tSCORE: 3.0</c>, up to the next comma.</summary>
    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> fields, string name)
    {
        int at = fields.IndexOf(name);
        if (at < 0)
        {
            return [];
        }

        ReadOnlySpan<char> value = fields[(at + name.Length)..];
        int comma = value.IndexOf(',');
        return comma < 0 ? value : value[..comma];
    }
}
