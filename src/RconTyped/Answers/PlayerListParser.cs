using System.Text.RegularExpressions;

namespace RconTyped;

/// <summary>
/// Reads the player lists of games whose answer is not a Source <c>status</c>: Minecraft <c>list</c>, Palworld
/// <c>ShowPlayers</c>, Squad and ARK <c>ListPlayers</c>, Factorio <c>/players online</c>. Each layout is recognised by its
/// first line, so <see cref="ServerStatus.Parse"/> needs no hint about the game.
/// </summary>
internal static partial class PlayerListParser
{
    private const int MaxLineLength = 4096;

    /// <summary>Parses <paramref name="text"/> when its first non-empty line starts one of the layouts; false leaves it to the status parser.</summary>
    public static bool TryParse(string text, out ServerStatus? status)
    {
        status = null;
        if (FirstLine(text) is not { } first)
        {
            return false;
        }

        // Most answers are a Source status: its first line matches no layout here, and nothing more is read.
        bool coloured = text.Contains('§', StringComparison.Ordinal);
        if (coloured)
        {
            // Bukkit colours its list; Minecraft names never hold a formatting code.
            first = FormattingCode().Replace(first, string.Empty);
        }

        Func<List<string>, ServerStatus>? read = first switch
        {
            _ when MinecraftHeader().Match(first) is { Success: true } header => lines => Minecraft(header, lines),
            "name,playeruid,steamid" => Palworld,
            "----- Active Players -----" => Squad,
            _ when ConanHeader().IsMatch(first) => Conan,
            "No Players Connected" => Ark,
            _ when ArkRow().IsMatch(first) => Ark,
            _ when FactorioHeader().Match(first) is { Success: true } header => lines => Factorio(header, lines),
            _ => null,
        };
        if (read is null)
        {
            return false;
        }

        List<string> lines = [];
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (!line.IsWhiteSpace())
            {
                lines.Add(coloured ? FormattingCode().Replace(line.ToString(), string.Empty) : line.ToString());
            }
        }

        status = read(lines);
        return true;
    }

    /// <summary>The first non-blank line, trimmed; null when there is none or it is too long to be a header.</summary>
    private static string? FirstLine(string text)
    {
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
        {
            if (!line.IsWhiteSpace())
            {
                return line.Length > MaxLineLength ? null : line.Trim().ToString();
            }
        }

        return null;
    }

    /// <summary>
    /// <c>There are 2 of a max of 20 players online: Steve, Alex</c> (1.13 and later; <c>list uuids</c> adds
    /// <c>Name (uuid)</c>); before 1.13 <c>There are 2/20 players online:</c> with the names on the next line; Bukkit
    /// <c>There are 2 out of maximum 20 players online.</c> with <c>group: names</c> lines.
    /// </summary>
    private static ServerStatus Minecraft(Match header, List<string> lines)
    {
        var players = new List<PlayerInfo>();
        var unparsed = new List<string>();
        if (!AddMinecraftNames(header.Groups["names"].Value, lines[0], players))
        {
            unparsed.Add(lines[0]);
        }

        // 1.13+ names every player on the header line; before 1.13 the names follow on the next line; Bukkit prints
        // "group: names" lines. Anything else after the header (a console echo) is not a player.
        string form = header.Groups["form"].Value;
        for (int i = 1; i < lines.Count; i++)
        {
            string line = lines[i];
            int colon = line.LastIndexOf(": ", StringComparison.Ordinal);
            string? names = form switch
            {
                "/" when i == 1 => line,
                " out of maximum " when colon >= 0 => line[(colon + 2)..],
                _ => null,
            };
            if (names is null || line.Length > MaxLineLength || !AddMinecraftNames(names, line, players))
            {
                unparsed.Add(line);
            }
        }

        return new ServerStatus(ServerStatusFormat.Minecraft, players, unparsed)
        {
            HumanCount = ServerStatusParser.Number(header.Groups["count"].ValueSpan),
            MaxPlayers = ServerStatusParser.Number(header.Groups["max"].ValueSpan),
        };
    }

    private static bool AddMinecraftNames(string names, string line, List<PlayerInfo> players)
    {
        if (names.Trim().Length == 0)
        {
            return true;
        }

        var found = new List<PlayerInfo>();
        foreach (string entry in names.Split(", "))
        {
            Match match = MinecraftName().Match(entry.Trim());
            if (!match.Success)
            {
                return false;
            }

            found.Add(new PlayerInfo(match.Groups["name"].Value, line)
            {
                PlatformId = match.Groups["uuid"].Success ? match.Groups["uuid"].Value : null,
            });
        }

        players.AddRange(found);
        return true;
    }

    /// <summary>
    /// <c>name,playeruid,steamid</c> then one row per player. Names may hold commas, so the two ids are taken from the right.
    /// </summary>
    private static ServerStatus Palworld(List<string> lines)
    {
        var players = new List<PlayerInfo>();
        var unparsed = new List<string>();
        foreach (string line in lines.Skip(1))
        {
            int last = line.LastIndexOf(',');
            int middle = last > 0 ? line.LastIndexOf(',', last - 1) : -1;
            if (middle < 0 || line.Length > MaxLineLength)
            {
                unparsed.Add(line);
                continue;
            }

            string steam = line[(last + 1)..].Trim();
            if (steam.StartsWith("steam_", StringComparison.OrdinalIgnoreCase))
            {
                steam = steam["steam_".Length..];
            }

            players.Add(new PlayerInfo(line[..middle], line)
            {
                PlatformId = line[(middle + 1)..last].Trim(),
                SteamId = RconTyped.SteamId.TryParse(steam, out SteamId id) ? id : null,
            });
        }

        return new ServerStatus(ServerStatusFormat.Palworld, players, unparsed);
    }

    /// <summary>
    /// <c>----- Active Players -----</c>, rows <c>ID: 3 | SteamID: 7656… | Name: x | Team ID: 1 | Squad ID: N/A | …</c> (or, since
    /// the EOS update, <c>ID: 3 | Online IDs: EOS: … steam: 7656… | Name: …</c>), then the recently disconnected players,
    /// who are read but are not players of the server any more.
    /// </summary>
    private static ServerStatus Squad(List<string> lines)
    {
        var players = new List<PlayerInfo>();
        var unparsed = new List<string>();
        bool disconnected = false;
        foreach (string line in lines.Skip(1))
        {
            if (line.StartsWith("----- Recently Disconnected Players", StringComparison.Ordinal))
            {
                disconnected = true;
                continue;
            }

            Match match = line.Length <= MaxLineLength ? SquadRow().Match(line) : Match.Empty;
            if (!match.Success)
            {
                if (!(disconnected && line.StartsWith("ID: ", StringComparison.Ordinal)))
                {
                    unparsed.Add(line);
                }

                continue;
            }

            if (disconnected)
            {
                continue;
            }

            string? steam = match.Groups["steam"].Success ? match.Groups["steam"].Value : match.Groups["steam2"].Success ? match.Groups["steam2"].Value : null;
            players.Add(new PlayerInfo(match.Groups["name"].Value, line)
            {
                UserId = ServerStatusParser.Number(match.Groups["id"].ValueSpan),
                SteamId = steam is not null && RconTyped.SteamId.TryParse(steam, out SteamId id) && id.Id64 != 0 ? id : null,
                PlatformId = match.Groups["eos"].Success ? match.Groups["eos"].Value : null,
                Team = match.Groups["team"].Value.Trim(),
            });
        }

        return new ServerStatus(ServerStatusFormat.Squad, players, unparsed);
    }

    /// <summary><c>0. Name, 76561198012345678</c> (ASE) or <c>0. Name, 0002…</c> (ASA, an EOS id); <c>No Players Connected</c> when empty.</summary>
    private static ServerStatus Ark(List<string> lines)
    {
        var players = new List<PlayerInfo>();
        var unparsed = new List<string>();
        foreach (string line in lines)
        {
            if (line.Trim() == "No Players Connected")
            {
                continue;
            }

            Match match = line.Length <= MaxLineLength ? ArkRow().Match(line.Trim()) : Match.Empty;
            if (!match.Success)
            {
                unparsed.Add(line);
                continue;
            }

            string id = match.Groups["id"].Value;
            SteamId? steamId = id.Length == 17 && RconTyped.SteamId.TryParse(id, out SteamId parsed) ? parsed : null;
            players.Add(new PlayerInfo(match.Groups["name"].Value, line)
            {
                SteamId = steamId,
                PlatformId = steamId is null ? id : null,
            });
        }

        return new ServerStatus(ServerStatusFormat.Ark, players, unparsed);
    }

    /// <summary>
    /// <c>Idx | Char name | Player name | User ID | Platform ID | Platform Name</c>, columns padded with spaces. The name is
    /// the character's (what other players see), the User ID (Funcom's) is <see cref="PlayerInfo.PlatformId"/>, and a
    /// Steam platform id is the <see cref="PlayerInfo.SteamId"/>.
    /// </summary>
    private static ServerStatus Conan(List<string> lines)
    {
        var players = new List<PlayerInfo>();
        var unparsed = new List<string>();
        foreach (string line in lines.Skip(1))
        {
            string[] columns = line.Length <= MaxLineLength ? line.Split('|') : [];
            if (columns.Length != 6 || ServerStatusParser.Number(columns[0].Trim()) is null)
            {
                unparsed.Add(line);
                continue;
            }

            string platform = columns[4].Trim();
            players.Add(new PlayerInfo(columns[1].Trim(), line)
            {
                PlatformId = columns[3].Trim(),
                SteamId = columns[5].Trim().Equals("STEAM", StringComparison.OrdinalIgnoreCase) && RconTyped.SteamId.TryParse(platform, out SteamId id) ? id : null,
            });
        }

        return new ServerStatus(ServerStatusFormat.ConanExiles, players, unparsed);
    }

    /// <summary><c>Online players (2):</c> then <c>  name (online)</c> lines.</summary>
    private static ServerStatus Factorio(Match header, List<string> lines)
    {
        var players = new List<PlayerInfo>();
        var unparsed = new List<string>();
        foreach (string line in lines.Skip(1))
        {
            Match match = line.Length <= MaxLineLength ? FactorioRow().Match(line) : Match.Empty;
            if (match.Success)
            {
                players.Add(new PlayerInfo(match.Groups["name"].Value, line) { State = match.Groups["state"].Value });
            }
            else
            {
                unparsed.Add(line);
            }
        }

        return new ServerStatus(ServerStatusFormat.Factorio, players, unparsed) { HumanCount = ServerStatusParser.Number(header.Groups["count"].ValueSpan) };
    }

    [GeneratedRegex("§.", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FormattingCode();

    [GeneratedRegex("""^There are (?<count>\d+)(?<form> of a max of |/| out of maximum )(?<max>\d+) players online[.:]?\s*(?<names>.*)$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MinecraftHeader();

    [GeneratedRegex("""^(?<name>[^,]+?)(?: \((?<uuid>[0-9a-fA-F-]{32,36})\))?$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MinecraftName();

    [GeneratedRegex("""^ID: (?<id>\d+) \| (?:SteamID: (?<steam>\d+)|Online IDs:(?: EOS: (?<eos>[0-9a-fA-F]+))?(?: steam: (?<steam2>\d+))?[^|]*) \| Name: (?<name>.*) \| Team ID: (?<team>[^|]*)(?: \|.*)?$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SquadRow();

    [GeneratedRegex("""^(?<index>\d+)\. (?<name>.*), (?<id>[0-9a-fA-F]{16,32})$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ArkRow();

    [GeneratedRegex("""^Idx\s*\|\s*Char name\s*\|\s*Player name\s*\|""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConanHeader();

    [GeneratedRegex("""^Online players \((?<count>\d+)\):$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FactorioHeader();

    [GeneratedRegex("""^\s+(?<name>\S.*?) \((?<state>[a-z]+)\)$""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FactorioRow();
}
