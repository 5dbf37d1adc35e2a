using System.Globalization;

namespace RconTyped;

/// <summary>
/// Reads one Half-Life Log Standard line by hand, left to right over spans: no regular expressions, and nothing
/// allocated but the event and its strings. Every failure to read a part makes the line an <see cref="UnknownLogEvent"/>.
/// </summary>
internal static class LogLineParser
{
    /// <summary>Longer lines are not read; they come out whole as <see cref="UnknownLogEvent"/>.</summary>
    public const int MaxLineLength = 64 * 1024;

    public static LogEvent Parse(string line)
    {
        string raw = TrimLine(line);
        if (raw.Length > MaxLineLength)
        {
            return new UnknownLogEvent(null, raw);
        }

        ReadOnlySpan<char> body = raw;
        DateTime? timestamp = null;
        if (body.StartsWith("L "))
        {
            body = body[2..];
        }

        if (body.Length >= 23 && TryReadTimestamp(body[..21], out DateTime time))
        {
            if (body[21] == ':' && body[22] == ' ')
            {
                timestamp = time;
                body = body[23..];
            }
            else if (body.Length >= 28 && body[21] == '.' && body[25..28].SequenceEqual(" - ") && int.TryParse(body[22..25], NumberStyles.None, CultureInfo.InvariantCulture, out int milliseconds))
            {
                // The HTTP form (CS2, CS:GO's logaddress_add_http): "MM/dd/yyyy - HH:mm:ss.fff - line".
                timestamp = time.AddMilliseconds(milliseconds);
                body = body[28..];
            }
        }

        try
        {
            return (body.Length > 0 && body[0] == '"'
                ? ReadPlayerLine(timestamp, raw, body)
                : ReadServerLine(timestamp, raw, body)) ?? new UnknownLogEvent(timestamp, raw);
        }
        catch (FormatException)
        {
            return new UnknownLogEvent(timestamp, raw);
        }
    }

    /// <summary>The line without the UDP header (<c>FF FF FF FF 'R'</c> as Latin-1 characters) and without trailing line breaks or NULs.</summary>
    private static string TrimLine(string line)
    {
        int start = line.StartsWith("\u00FF\u00FF\u00FF\u00FFR", StringComparison.Ordinal) ? 5 : 0;
        int end = line.Length;
        while (end > start && line[end - 1] is '\n' or '\r' or '\0')
        {
            end--;
        }

        return start == 0 && end == line.Length ? line : line[start..end];
    }

    /// <summary><c>MM/dd/yyyy - HH:mm:ss</c>.</summary>
    private static bool TryReadTimestamp(ReadOnlySpan<char> text, out DateTime time)
    {
        time = default;
        if (text[2] != '/' || text[5] != '/' || text[10] != ' ' || text[11] != '-' || text[12] != ' ' || text[15] != ':' || text[18] != ':')
        {
            return false;
        }

        if (!TwoDigits(text[0..2], out int month) || !TwoDigits(text[3..5], out int day) || !TwoDigits(text[6..8], out int century) || !TwoDigits(text[8..10], out int year)
            || !TwoDigits(text[13..15], out int hour) || !TwoDigits(text[16..18], out int minute) || !TwoDigits(text[19..21], out int second))
        {
            return false;
        }

        year += century * 100;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, out int value)
    {
        value = ((text[0] - '0') * 10) + (text[1] - '0');
        return char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]);
    }

    private static LogEvent? ReadPlayerLine(DateTime? timestamp, string raw, ReadOnlySpan<char> body)
    {
        if (!TryReadPlayer(body, out LogPlayer? player, out int used))
        {
            return ReadCvarDumpLine(timestamp, raw, body);
        }

        ReadOnlySpan<char> rest = body[used..];
        LogPosition? position = ReadPosition(ref rest);
        if (!rest.StartsWith(" "))
        {
            return null;
        }

        rest = rest[1..];
        if (rest.StartsWith("killed other "))
        {
            rest = rest["killed other ".Length..];
            string target = ReadQuoted(ref rest) ?? throw new FormatException();
            ReadPosition(ref rest);
            string? weapon = ReadWith(ref rest);
            return new PlayerKilledOtherEvent(timestamp, raw, player, target, weapon) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("killed "))
        {
            rest = rest["killed ".Length..];
            LogPlayer victim = ReadNextPlayer(ref rest);
            LogPosition? victimPosition = ReadPosition(ref rest);
            string weapon = ReadWith(ref rest) ?? string.Empty;
            var properties = ReadProperties(rest);
            return new PlayerKilledEvent(timestamp, raw, player, victim, weapon)
            {
                Properties = properties,
                Headshot = Has(properties, "headshot") || Value(properties, "customkill") == "headshot",
                KillerPosition = position ?? ParsePosition(Value(properties, "attacker_position")),
                VictimPosition = victimPosition ?? ParsePosition(Value(properties, "victim_position")),
            };
        }

        if (rest.StartsWith("attacked "))
        {
            rest = rest["attacked ".Length..];
            LogPlayer victim = ReadNextPlayer(ref rest);
            LogPosition? victimPosition = ReadPosition(ref rest);
            string? weapon = ReadWith(ref rest);
            var properties = ReadProperties(rest);
            return new PlayerAttackedEvent(timestamp, raw, player, victim, weapon, Number(Value(properties, "damage")))
            {
                Properties = properties,
                AttackerPosition = position,
                VictimPosition = victimPosition,
            };
        }

        if (rest.StartsWith("assisted killing "))
        {
            rest = rest["assisted killing ".Length..];
            LogPlayer victim = ReadNextPlayer(ref rest);
            return new PlayerAssistedEvent(timestamp, raw, player, victim) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("committed suicide with "))
        {
            rest = rest["committed suicide".Length..];
            string weapon = ReadWith(ref rest) ?? string.Empty;
            return new PlayerSuicideEvent(timestamp, raw, player, weapon) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("say_team ") || rest.StartsWith("say "))
        {
            bool team = rest.StartsWith("say_team ");
            rest = rest[(team ? "say_team " : "say ").Length..];

            // The message may hold quotes: it runs to the last quote of the line; what follows is flags such as (dead).
            int last = rest.LastIndexOf('"');
            if (rest.Length == 0 || rest[0] != '"' || last < 1)
            {
                return null;
            }

            return new PlayerSayEvent(timestamp, raw, player, rest[1..last].ToString(), team) { Properties = ReadProperties(rest[(last + 1)..]) };
        }

        if (rest.StartsWith("connected, address "))
        {
            rest = rest["connected, address ".Length..];
            return new PlayerConnectedEvent(timestamp, raw, player, ReadQuoted(ref rest) ?? string.Empty) { Properties = ReadProperties(rest) };
        }

        if (rest.SequenceEqual("STEAM USERID validated"))
        {
            return new PlayerValidatedEvent(timestamp, raw, player);
        }

        if (rest.StartsWith("entered the game"))
        {
            return new PlayerEnteredEvent(timestamp, raw, player) { Properties = ReadProperties(rest["entered the game".Length..]) };
        }

        if (rest.StartsWith("disconnected"))
        {
            var properties = ReadProperties(rest["disconnected".Length..]);
            return new PlayerDisconnectedEvent(timestamp, raw, player, Value(properties, "reason")) { Properties = properties };
        }

        if (rest.StartsWith("joined team "))
        {
            rest = rest["joined team ".Length..];
            return new PlayerTeamChangedEvent(timestamp, raw, player, null, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("switched from team <"))
        {
            rest = rest["switched from team <".Length..];
            int close = rest.IndexOf("> to <");
            int end = rest.LastIndexOf('>');
            if (close < 0 || end < close + 6)
            {
                return null;
            }

            return new PlayerTeamChangedEvent(timestamp, raw, player, Team(rest[..close]), Team(rest[(close + 6)..end]));
        }

        if (rest.StartsWith("changed role to "))
        {
            rest = rest["changed role to ".Length..];
            return new PlayerRoleChangedEvent(timestamp, raw, player, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("spawned as "))
        {
            rest = rest["spawned as ".Length..];
            return new PlayerSpawnedEvent(timestamp, raw, player, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("picked up "))
        {
            rest = rest["picked up ".Length..];
            if (rest.StartsWith("item "))
            {
                rest = rest["item ".Length..];
            }

            return new PlayerPickedUpEvent(timestamp, raw, player, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("purchased "))
        {
            rest = rest["purchased ".Length..];
            return new PlayerPurchasedEvent(timestamp, raw, player, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("dropped "))
        {
            rest = rest["dropped ".Length..];
            return new PlayerDroppedEvent(timestamp, raw, player, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("threw "))
        {
            rest = rest["threw ".Length..];
            int space = rest.IndexOf(' ');
            string item = (space < 0 ? rest : rest[..space]).ToString();
            rest = space < 0 ? [] : rest[space..];
            LogPosition? thrownFrom = ReadPosition(ref rest);
            return new PlayerThrewEvent(timestamp, raw, player, item, thrownFrom) { Properties = ReadProperties(rest) };
        }

        if (rest.StartsWith("blinded for "))
        {
            rest = rest["blinded for ".Length..];
            int by = rest.IndexOf(" by ");
            if (by < 0)
            {
                return null;
            }

            double? seconds = double.TryParse(rest[..by], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
            rest = rest[(by + 4)..];
            LogPlayer? thrower = rest.Length > 0 && rest[0] == '"' ? ReadNextPlayer(ref rest) : null;
            return new PlayerBlindedEvent(timestamp, raw, player, seconds, thrower);
        }

        if (rest.StartsWith("money change "))
        {
            // money change 800-200 = $600 (tracked) (purchase: weapon_x)
            rest = rest["money change ".Length..];
            int equals = rest.IndexOf(" = $");
            if (equals < 0)
            {
                return null;
            }

            ReadOnlySpan<char> sum = rest[..equals];
            int sign = sum[1..].IndexOfAny('+', '-') + 1;
            int? before = sign > 0 ? Number(sum[..sign]) : null;
            int? change = sign > 0 ? Number(sum[sign..]) : null;
            rest = rest[(equals + 4)..];
            int end = rest.IndexOf(' ');
            int? after = Number(end < 0 ? rest : rest[..end]);
            return new PlayerMoneyChangedEvent(timestamp, raw, player, before, change, after) { Properties = ReadProperties(end < 0 ? [] : rest[end..]) };
        }

        if (rest.StartsWith("left buyzone with ["))
        {
            rest = rest["left buyzone with [".Length..];
            int close = rest.IndexOf(']');
            ReadOnlySpan<char> list = close < 0 ? rest : rest[..close];
            var items = new List<string>();
            while (!(list = list.TrimStart(' ')).IsEmpty)
            {
                int space = list.IndexOf(' ');
                items.Add((space < 0 ? list : list[..space]).ToString());
                list = space < 0 ? [] : list[space..];
            }

            return new PlayerLeftBuyZoneEvent(timestamp, raw, player, items);
        }

        if (rest.StartsWith("triggered "))
        {
            rest = rest["triggered ".Length..];
            string action = ReadQuoted(ref rest) ?? throw new FormatException();
            LogPlayer? target = null;
            if (rest.StartsWith(" against "))
            {
                rest = rest[" against ".Length..];
                target = ReadNextPlayer(ref rest);
                ReadPosition(ref rest);
            }

            var properties = ReadProperties(rest);
            return action switch
            {
                "damage" => new PlayerAttackedEvent(timestamp, raw, player, target, Value(properties, "weapon"), Number(Value(properties, "damage"))) { Properties = properties, AttackerPosition = position },
                "healed" => new PlayerHealedEvent(timestamp, raw, player, target, Number(Value(properties, "healing"))) { Properties = properties },
                "kill assist" => new PlayerAssistedEvent(timestamp, raw, player, target) { Properties = properties },
                _ => new PlayerTriggeredEvent(timestamp, raw, player, action, target) { Properties = properties },
            };
        }

        return null;
    }

    private static LogEvent? ReadServerLine(DateTime? timestamp, string raw, ReadOnlySpan<char> body)
    {
        if (body.StartsWith("World triggered "))
        {
            ReadOnlySpan<char> rest = body["World triggered ".Length..];
            string action = ReadQuoted(ref rest) ?? throw new FormatException();
            return new WorldTriggeredEvent(timestamp, raw, action) { Properties = ReadProperties(rest) };
        }

        if (body.StartsWith("Team \""))
        {
            ReadOnlySpan<char> rest = body["Team ".Length..];
            string team = ReadQuoted(ref rest) ?? throw new FormatException();
            if (rest.StartsWith(" triggered "))
            {
                rest = rest[" triggered ".Length..];
                string action = ReadQuoted(ref rest) ?? throw new FormatException();
                var properties = ReadProperties(rest);
                return new TeamTriggeredEvent(timestamp, raw, team, action)
                {
                    Properties = properties,
                    CTScore = Number(Value(properties, "CT")),
                    TScore = Number(Value(properties, "T")),
                };
            }

            bool isFinal = rest.StartsWith(" final score ");
            if (isFinal || rest.StartsWith(" current score ") || rest.StartsWith(" scored "))
            {
                rest = rest[(rest.IndexOf('"'))..];
                int? score = Number(ReadQuoted(ref rest));
                int? players = null;
                if (rest.StartsWith(" with "))
                {
                    rest = rest[" with ".Length..];
                    players = Number(ReadQuoted(ref rest));
                }

                return new TeamScoreEvent(timestamp, raw, team, score, players, isFinal) { Properties = ReadProperties(rest) };
            }

            return null;
        }

        if (body.StartsWith("Loading map "))
        {
            ReadOnlySpan<char> rest = body["Loading map ".Length..];
            return new MapLoadingEvent(timestamp, raw, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (body.StartsWith("Started map "))
        {
            ReadOnlySpan<char> rest = body["Started map ".Length..];
            return new MapStartedEvent(timestamp, raw, ReadQuoted(ref rest) ?? throw new FormatException()) { Properties = ReadProperties(rest) };
        }

        if (body.StartsWith("server_cvar: "))
        {
            ReadOnlySpan<char> rest = body["server_cvar: ".Length..];
            string name = ReadQuoted(ref rest) ?? throw new FormatException();
            rest = rest.TrimStart();
            return new ServerCvarEvent(timestamp, raw, name, ReadQuoted(ref rest) ?? throw new FormatException());
        }

        if (body.StartsWith("rcon from \"") || body.StartsWith("Bad Rcon: "))
        {
            return LogRedaction.RconCommand(timestamp, raw, body);
        }

        if (body.StartsWith("Log file started"))
        {
            return new LogFileEvent(timestamp, raw, IsStarted: true) { Properties = ReadProperties(body["Log file started".Length..]) };
        }

        if (body.SequenceEqual("Log file closed"))
        {
            return new LogFileEvent(timestamp, raw, IsStarted: false);
        }

        if (body.StartsWith("server_message: "))
        {
            ReadOnlySpan<char> rest = body["server_message: ".Length..];
            return new ServerMessageEvent(timestamp, raw, ReadQuoted(ref rest) ?? rest.ToString());
        }

        if (body.StartsWith("JSON_BEGIN{"))
        {
            int end = body.LastIndexOf("}}JSON_END");
            return new JsonStatisticsEvent(timestamp, raw, (end < 0 ? body["JSON_BEGIN".Length..] : body["JSON_BEGIN".Length..(end + 2)]).ToString());
        }

        // The server's own notices, known by their words.
        if (body.SequenceEqual("server cvars start") || body.SequenceEqual("server cvars end") || body.StartsWith("Starting Freeze period")
            || body.StartsWith("Tournament mode started") || body.StartsWith("[META] ") || body.StartsWith("Match pending"))
        {
            return new ServerMessageEvent(timestamp, raw, body.ToString());
        }

        return null;
    }

    /// <summary><c>"name" = "value"</c>: a cvar dump written into the log (CS:GO prints one after <c>log on</c>).</summary>
    private static ServerCvarEvent? ReadCvarDumpLine(DateTime? timestamp, string raw, ReadOnlySpan<char> body)
    {
        string? name = ReadQuoted(ref body);
        if (name is null || !body.StartsWith(" = "))
        {
            return null;
        }

        body = body[3..];
        string? value = ReadQuoted(ref body);
        return value is null ? null : new ServerCvarEvent(timestamp, raw, name, value);
    }

    /// <summary>
    /// A player reference at the start of <paramref name="text"/>: <c>"Name&lt;uid&gt;&lt;id&gt;&lt;team&gt;"</c> or, in CS:GO's team
    /// switches, <c>"Name&lt;uid&gt;&lt;id&gt;"</c>. It ends at the first <c>&gt;"</c> (followed by a space, a bracket or the end) whose
    /// groups read back as a user id, an id and a team.
    /// </summary>
    internal static bool TryReadPlayer(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LogPlayer? player, out int used)
    {
        player = null;
        used = 0;
        if (text.Length < 2 || text[0] != '"')
        {
            return false;
        }

        for (int end = text.IndexOf(">\""); end > 0; end = NextEnd(text, end))
        {
            int after = end + 2;
            if (after < text.Length && text[after] != ' ' && text[after] != '[')
            {
                continue;
            }

            // Back from the end: <team>, <id>, <uid> (or <id>, <uid> with no team).
            ReadOnlySpan<char> inner = text[1..(end + 1)];
            if (!TryGroup(inner, out ReadOnlySpan<char> last, out ReadOnlySpan<char> before) || !TryGroup(before, out ReadOnlySpan<char> middle, out ReadOnlySpan<char> head))
            {
                continue;
            }

            ReadOnlySpan<char> name, uid, id;
            string? team;
            if (TryGroup(head, out ReadOnlySpan<char> first, out ReadOnlySpan<char> rest) && IsUserId(first))
            {
                name = rest;
                uid = first;
                id = middle;
                team = Team(last);
            }
            else if (IsUserId(middle))
            {
                // CS:GO's team switches print no team group: "Name<uid><id>".
                name = head;
                uid = middle;
                id = last;
                team = null;
            }
            else
            {
                continue;
            }

            bool isBot = id.SequenceEqual("BOT");
            player = new LogPlayer(name.ToString(), uid.IsEmpty ? null : Number(uid), !isBot && RconTyped.SteamId.TryParse(id, out SteamId steamId) ? steamId : null, team)
            {
                IsBot = isBot,
                IsConsole = id.SequenceEqual("Console"),
            };
            used = after;
            return true;
        }

        return false;
    }

    private static int NextEnd(ReadOnlySpan<char> text, int end)
    {
        int next = text[(end + 1)..].IndexOf(">\"");
        return next < 0 ? -1 : end + 1 + next;
    }

    /// <summary>Splits <c>…&lt;group&gt;</c> into the group and what comes before its <c>&lt;</c>.</summary>
    private static bool TryGroup(ReadOnlySpan<char> text, out ReadOnlySpan<char> group, out ReadOnlySpan<char> before)
    {
        group = before = default;
        if (text.Length < 2 || text[^1] != '>')
        {
            return false;
        }

        int open = text[..^1].LastIndexOf('<');
        if (open < 0 || text[(open + 1)..^1].Contains('>'))
        {
            return false;
        }

        group = text[(open + 1)..^1];
        before = text[..open];
        return true;
    }

    private static bool IsUserId(ReadOnlySpan<char> text) => text.Length is > 0 and < 10 && !text.ContainsAnyExceptInRange('0', '9');

    private static LogPlayer ReadNextPlayer(ref ReadOnlySpan<char> rest)
    {
        if (!TryReadPlayer(rest, out LogPlayer? player, out int used))
        {
            throw new FormatException();
        }

        rest = rest[used..];
        return player;
    }

    /// <summary>A quoted value without quotes inside (weapons, teams, actions): up to the next quote.</summary>
    private static string? ReadQuoted(ref ReadOnlySpan<char> rest)
    {
        if (rest.Length < 2 || rest[0] != '"')
        {
            return null;
        }

        int close = rest[1..].IndexOf('"');
        if (close < 0)
        {
            return null;
        }

        string value = rest.Slice(1, close).ToString();
        rest = rest[(close + 2)..];
        return value;
    }

    /// <summary><c> with "weapon"</c>, when it comes next.</summary>
    private static string? ReadWith(ref ReadOnlySpan<char> rest)
    {
        if (!rest.StartsWith(" with "))
        {
            return null;
        }

        rest = rest[" with ".Length..];
        return ReadQuoted(ref rest);
    }

    /// <summary>CS:GO's <c> [x y z]</c> after a player, when it comes next.</summary>
    private static LogPosition? ReadPosition(ref ReadOnlySpan<char> rest)
    {
        if (!rest.StartsWith(" [") && !rest.StartsWith("["))
        {
            return null;
        }

        int open = rest.IndexOf('[');
        int close = rest.IndexOf(']');
        if (close < open)
        {
            return null;
        }

        LogPosition? position = ParsePosition(rest[(open + 1)..close]);
        rest = rest[(close + 1)..];
        return position;
    }

    private static LogPosition? ParsePosition(ReadOnlySpan<char> text)
    {
        Span<Range> parts = stackalloc Range[4];
        text = text.Trim();
        if (text.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries) != 3)
        {
            return null;
        }

        return Number(text[parts[0]]) is int x && Number(text[parts[1]]) is int y && Number(text[parts[2]]) is int z ? new LogPosition(x, y, z) : null;
    }

    private static LogPosition? ParsePosition(string? text) => text is null ? null : ParsePosition(text.AsSpan());

    /// <summary>
    /// The <c> (key "value")</c>, <c> (flag)</c> and <c> (key: value)</c> groups of a line's tail. Counted first, then read into
    /// an array of the exact size: no list to grow and copy.
    /// </summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ReadProperties(ReadOnlySpan<char> rest)
    {
        int count = 0;
        for (ReadOnlySpan<char> scan = rest; NextProperty(ref scan, out _, out _);)
        {
            count++;
        }

        if (count == 0)
        {
            return [];
        }

        var properties = new KeyValuePair<string, string>[count];
        for (int i = 0; i < count && NextProperty(ref rest, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value); i++)
        {
            properties[i] = new KeyValuePair<string, string>(Key(key), value.IsEmpty ? string.Empty : value.ToString());
        }

        return properties;
    }

    private static bool NextProperty(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        key = value = default;
        int open = rest.IndexOf('(');
        if (open < 0)
        {
            return false;
        }

        rest = rest[(open + 1)..];
        int space = rest.IndexOfAny(' ', ')');
        if (space < 0)
        {
            return false;
        }

        if (rest[space] == ')')
        {
            key = rest[..space];
            rest = rest[(space + 1)..];
            return true;
        }

        if (rest[(space + 1)..].StartsWith("\""))
        {
            // The value runs to the next quote followed by ')': values may hold quotes (TF2's player1 "Name<…>").
            int close = rest[(space + 2)..].IndexOf("\")");
            if (close < 0)
            {
                return false;
            }

            key = rest[..space];
            value = rest.Slice(space + 2, close);
            rest = rest[(space + 2 + close + 2)..];
            return true;
        }

        int end = rest.IndexOf(')');
        if (end < 0)
        {
            return false;
        }

        key = rest[..space].TrimEnd(':');
        value = rest[(space + 1)..end];
        rest = rest[(end + 1)..];
        return true;
    }

    private static bool Has(IReadOnlyList<KeyValuePair<string, string>> properties, string key)
    {
        foreach (KeyValuePair<string, string> property in properties)
        {
            if (property.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Value(IReadOnlyList<KeyValuePair<string, string>> properties, string key)
    {
        foreach (KeyValuePair<string, string> property in properties)
        {
            if (property.Key == key)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static int? Number(ReadOnlySpan<char> text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static int? Number(string? text) => text is null ? null : Number(text.AsSpan());

    /// <summary>A property key, without a new string for the keys real logs repeat on most lines.</summary>
    private static string Key(ReadOnlySpan<char> text) => text switch
    {
        "damage" => "damage",
        "realdamage" => "realdamage",
        "weapon" => "weapon",
        "healing" => "healing",
        "attacker_position" => "attacker_position",
        "victim_position" => "victim_position",
        "assister_position" => "assister_position",
        "reason" => "reason",
        "headshot" => "headshot",
        "customkill" => "customkill",
        "crit" => "crit",
        "airshot" => "airshot",
        "height" => "height",
        "ubercharge" => "ubercharge",
        "hitgroup" => "hitgroup",
        "health" => "health",
        "armor" => "armor",
        "damage_armor" => "damage_armor",
        "penetrated" => "penetrated",
        "dead" => "dead",
        "value" => "value",
        _ => text.ToString(),
    };

    /// <summary>A team name, without a new string for the common ones.</summary>
    private static string Team(ReadOnlySpan<char> text) => text switch
    {
        "" => string.Empty,
        "CT" => "CT",
        "TERRORIST" => "TERRORIST",
        "Red" => "Red",
        "Blue" => "Blue",
        "Unassigned" => "Unassigned",
        "Spectator" => "Spectator",
        "Console" => "Console",
        _ => text.ToString(),
    };
}
