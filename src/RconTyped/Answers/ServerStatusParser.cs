using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace RconTyped;

/// <summary>
/// Reads Source 1, CS2 and GoldSrc <c>status</c> answers (and, through <see cref="PlayerListParser"/>, other games' player lists) line by line. Each line is a header field, a table header, a player row,
/// or unparsed; rows glued to other text (as some clients receive them) keep what can be read.
/// </summary>
internal static partial class ServerStatusParser
{
    /// <summary>Longer lines are kept as unparsed without being matched: a hostile answer costs linear time.</summary>
    private const int MaxLineLength = 4096;

    private static readonly string[] States = ["active", "spawning", "connecting", "challenging", "connected", "disconnected", "zombie"];

    public static ServerStatus Parse(string text)
    {
        if (PlayerListParser.TryParse(text, out ServerStatus? list))
        {
            return list!;
        }

        var players = new List<PlayerInfo>();
        var unparsed = new List<string>();
        string? hostname = null, version = null, map = null;
        int? maxPlayers = null, humans = null, bots = null;
        bool sawSource = false, sawCs2 = false, inCs2Players = false, sawGoldSrc = false;

        foreach (ReadOnlySpan<char> rawLine in text.AsSpan().EnumerateLines())
        {
            string line = rawLine.ToString();
            string trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed.Length > MaxLineLength)
            {
                unparsed.Add(line);
                continue;
            }

            if (trimmed.StartsWith("---------players", StringComparison.Ordinal))
            {
                sawCs2 = inCs2Players = true;
                continue;
            }

            if (trimmed.StartsWith("#end", StringComparison.Ordinal))
            {
                inCs2Players = false;
                continue;
            }

            if (inCs2Players)
            {
                if (TryReadCs2Row(line, trimmed, out PlayerInfo? cs2Player))
                {
                    if (cs2Player is not null)
                    {
                        players.Add(cs2Player);
                    }

                    continue;
                }
            }

            if (GoldSrcHeader().IsMatch(trimmed))
            {
                sawGoldSrc = true;
                continue;
            }

            if (sawGoldSrc && trimmed[0] == '#' && TryReadGoldSrcRow(line, trimmed) is { } goldSrcPlayer)
            {
                players.Add(goldSrcPlayer);
                continue;
            }

            if (sawGoldSrc && GoldSrcUserCount().IsMatch(trimmed))
            {
                continue;
            }

            if (trimmed.StartsWith("# userid", StringComparison.Ordinal) || trimmed.StartsWith("#userid", StringComparison.Ordinal))
            {
                sawSource = true;
                continue;
            }

            if (trimmed[0] == '#' && TryReadSourceRow(line, trimmed) is { } player)
            {
                sawSource = true;
                players.Add(player);
                continue;
            }

            if (TryReadField(trimmed, out string key, out string value))
            {
                switch (key)
                {
                    case "hostname":
                        hostname ??= value;
                        continue;
                    case "version":
                        version ??= value;
                        continue;
                    case "map":
                        map ??= FirstWord(value);
                        sawSource = true;
                        continue;
                    case "players" when ReadPlayerCounts(value, ref humans, ref bots, ref maxPlayers):
                        continue;
                    case "udp/ip" or "steamid" or "account" or "tags" or "edicts" or "os" or "type" or "os/type" or "source" or "spawngroup count"
                        or "@ Current" or "Server" or "Client" or "sourcetv" or "gotv[0]" or "sourcetv[0]" or "Connected to" or "tcp/ip":
                        continue;
                }

                if (key.StartsWith("loaded spawngroup", StringComparison.Ordinal))
                {
                    map ??= SpawnGroupMap(value);
                    sawCs2 = true;
                    continue;
                }
            }

            if (trimmed is "----- Status -----" or "---------spawngroups----")
            {
                sawCs2 = true;
                continue;
            }

            unparsed.Add(line);
        }

        ServerStatusFormat format = sawGoldSrc ? ServerStatusFormat.GoldSrc : sawCs2 ? ServerStatusFormat.Cs2 : sawSource || hostname is not null ? ServerStatusFormat.Source : ServerStatusFormat.Unknown;
        return new ServerStatus(format, players, unparsed)
        {
            Hostname = hostname,
            Version = version,
            Map = map,
            MaxPlayers = maxPlayers,
            HumanCount = humans,
            BotCount = bots,
        };
    }

    /// <summary><c>key : value</c>, the key a word or two (<c>udp/ip</c>, <c>@ Current</c>, <c>loaded spawngroup(  1)</c>).</summary>
    private static bool TryReadField(string trimmed, out string key, out string value)
    {
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        key = value = string.Empty;
        if (colon <= 0 || colon > 40)
        {
            return false;
        }

        key = trimmed[..colon].Trim();
        value = trimmed[(colon + 1)..].Trim();
        return key.Length > 0;
    }

    /// <summary>
    /// Source 1: <c># userid [slot] "name" uniqueid connected ping loss state [rate] [adr]</c>, bots
    /// <c># userid "name" BOT [state] [rate]</c>. The columns after the name vary by game and by who prints it.
    /// </summary>
    private static PlayerInfo? TryReadSourceRow(string line, string trimmed)
    {
        Match match = SourceRow().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        string[] rest = match.Groups["rest"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length == 0)
        {
            return null;
        }

        bool isBot = rest[0] == "BOT";
        SteamId? steamId = !isBot && SteamId.TryParse(rest[0], out SteamId id) ? id : null;
        int next = 1;
        TimeSpan? connected = null;
        int? ping = null, loss = null;
        if (!isBot)
        {
            if (next < rest.Length && TryReadDuration(rest[next], out TimeSpan duration))
            {
                connected = duration;
                next++;
            }

            if (next + 1 < rest.Length && Number(rest[next]) is int p && Number(rest[next + 1]) is int l)
            {
                (ping, loss) = (p, l);
                next += 2;
            }
        }

        string? state = next < rest.Length ? KnownState(rest[next]) : null;
        IPEndPoint? address = null;
        for (int i = next + 1; i < rest.Length && address is null; i++)
        {
            address = ParseAddress(rest[i]);
        }

        return new PlayerInfo(match.Groups["name"].Value, line)
        {
            UserId = Number(match.Groups["userid"].ValueSpan),
            SteamId = steamId,
            IsBot = isBot,
            Connected = connected,
            Ping = ping,
            Loss = loss,
            State = state,
            Address = address,
        };
    }

    /// <summary>GoldSrc: <c># slot "name" userid uniqueid frag time ping loss [adr]</c>; bots print <c>BOT</c> as uniqueid.</summary>
    private static PlayerInfo? TryReadGoldSrcRow(string line, string trimmed)
    {
        Match match = GoldSrcRow().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        string uniqueId = match.Groups["uniqueid"].Value;
        bool isBot = uniqueId == "BOT";
        return new PlayerInfo(match.Groups["name"].Value, line)
        {
            UserId = Number(match.Groups["userid"].ValueSpan),
            SteamId = !isBot && SteamId.TryParse(uniqueId, out SteamId id) ? id : null,
            IsBot = isBot,
            Connected = TryReadDuration(match.Groups["time"].Value, out TimeSpan duration) ? duration : null,
            Ping = Number(match.Groups["ping"].ValueSpan),
            Loss = Number(match.Groups["loss"].ValueSpan),
            Address = match.Groups["adr"].Success ? ParseAddress(match.Groups["adr"].Value) : null,
        };
    }

    /// <summary>
    /// CS2: <c>id time ping loss state rate [adr] 'name'</c>; <c>time</c> is <c>BOT</c> for bots. The table header and the
    /// <c>65535 [NoChan]</c> rows of empty slots are read and skipped (true, no player).
    /// </summary>
    private static bool TryReadCs2Row(string line, string trimmed, out PlayerInfo? player)
    {
        player = null;
        if (trimmed.StartsWith("id ", StringComparison.Ordinal) || trimmed.Contains("[NoChan]", StringComparison.Ordinal))
        {
            return true;
        }

        Match match = Cs2Row().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        bool isBot = match.Groups["time"].Value == "BOT";
        player = new PlayerInfo(match.Groups["name"].Value, line)
        {
            UserId = Number(match.Groups["id"].ValueSpan),
            IsBot = isBot,
            Connected = !isBot && TryReadDuration(match.Groups["time"].Value, out TimeSpan duration) ? duration : null,
            Ping = Number(match.Groups["ping"].ValueSpan),
            Loss = Number(match.Groups["loss"].ValueSpan),
            State = match.Groups["state"].Value,
            Address = match.Groups["adr"].Success ? ParseAddress(match.Groups["adr"].Value) : null,
        };
        return true;
    }

    /// <summary><c>1 humans, 1 bots (25 max)</c>, <c>9 humans, 0 bots (10/10 max)</c> or the older <c>0 (16 max)</c>.</summary>
    private static bool ReadPlayerCounts(string value, ref int? humans, ref int? bots, ref int? maxPlayers)
    {
        Match counts = PlayerCounts().Match(value);
        if (counts.Success)
        {
            humans = Number(counts.Groups["humans"].ValueSpan);
            bots = Number(counts.Groups["bots"].ValueSpan);
        }

        Match max = MaxPlayersPattern().Match(value);
        if (max.Success)
        {
            maxPlayers = Number(max.Groups["max"].ValueSpan);
        }

        return counts.Success || max.Success;
    }

    /// <summary><c>SV:  [1: de_dust2 | main lump | mapload]</c> → de_dust2.</summary>
    private static string? SpawnGroupMap(string value)
    {
        Match match = SpawnGroup().Match(value);
        return match.Success ? match.Groups["map"].Value.Trim() : null;
    }

    private static string? FirstWord(string value)
    {
        int end = value.IndexOfAny([' ', '\t']);
        string word = end < 0 ? value : value[..end];
        return word.Length == 0 ? null : word;
    }

    /// <summary>A state word, or the state at the start of a word glued to the next text (<c>activeplayers</c>).</summary>
    private static string? KnownState(string word)
    {
        foreach (string state in States)
        {
            if (word.StartsWith(state, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }

    /// <summary><c>mm:ss</c> or <c>h:mm:ss</c>.</summary>
    internal static bool TryReadDuration(string text, out TimeSpan duration)
    {
        duration = default;
        string[] parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        long seconds = 0;
        foreach (string part in parts)
        {
            if (part.Length is 0 or > 6 || Number(part) is not int value)
            {
                return false;
            }

            seconds = (seconds * 60) + value;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>A non-negative whole number, or null (too long, or not digits): a hostile row never throws.</summary>
    internal static int? Number(ReadOnlySpan<char> text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static IPEndPoint? ParseAddress(string text) =>
        text.Contains(':', StringComparison.Ordinal) && IPEndPoint.TryParse(text, out IPEndPoint? endPoint) && endPoint.Port != 0 ? endPoint : null;

    [GeneratedRegex("""^#\s*(?<userid>\d+)(?:\s+(?<slot>\d+))?\s+"(?<name>.*)"\s+(?<rest>\S.*)$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SourceRow();

    [GeneratedRegex("""^#\s+name\s+userid\s+uniqueid\s+frag\s+time\s+ping\s+loss""", RegexOptions.CultureInvariant)]
    private static partial Regex GoldSrcHeader();

    [GeneratedRegex("""^#\s*(?<slot>\d+)\s+"(?<name>.*)"\s+(?<userid>\d+)\s+(?<uniqueid>\S+)\s+(?<frag>-?\d+)\s+(?<time>\d+:\d+(?::\d+)?)\s+(?<ping>\d+)\s+(?<loss>\d+)(?:\s+(?<adr>\S+))?\s*$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex GoldSrcRow();

    [GeneratedRegex("""^\d+ users?$""", RegexOptions.CultureInvariant)]
    private static partial Regex GoldSrcUserCount();

    [GeneratedRegex("""^(?<id>\d+)\s+(?<time>BOT|\d+:\d+(?::\d+)?)\s+(?<ping>\d+)\s+(?<loss>\d+)\s+(?<state>[a-z]+)\s+(?<rate>\d+)(?:\s+(?<adr>[^\s']+))?\s*'(?<name>.*)'\s*$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Cs2Row();

    [GeneratedRegex("""(?<humans>\d+)\s+humans?,\s*(?<bots>\d+)\s+bots?""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PlayerCounts();

    [GeneratedRegex("""\((?<max>\d+)(?:/\d+)?\s+max\)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MaxPlayersPattern();

    [GeneratedRegex("""\[\s*\d+\s*:\s*(?<map>[^|\]]+)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SpawnGroup();
}
