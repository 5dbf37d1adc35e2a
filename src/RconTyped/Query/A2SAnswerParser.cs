namespace RconTyped.Query;

/// <summary>
/// Reads a whole answer's payload (after the <c>FF FF FF FF</c> header and the type byte) into its typed form. Never
/// throws: a payload that cannot be read returns null with the reason in <c>error</c>.
/// </summary>
internal static class A2SAnswerParser
{
    public const byte InfoSource = (byte)'I';
    public const byte InfoGoldSource = (byte)'m';
    public const byte Players = (byte)'D';
    public const byte Rules = (byte)'E';
    public const byte Challenge = (byte)'A';

    private const ushort TheShipAppId = 2400;

    /// <summary>An INFO answer of either layout (<paramref name="type"/> is its type byte).</summary>
    public static ServerInfo? ParseInfo(byte type, ReadOnlySpan<byte> payload, out string? error) => type switch
    {
        InfoSource => ParseSourceInfo(payload, out error),
        InfoGoldSource => ParseGoldSourceInfo(payload, out error),
        _ => Fail<ServerInfo>($"the answer's type byte 0x{type:X2} is not an INFO answer", out error),
    };

    public static ServerInfo? ParseSourceInfo(ReadOnlySpan<byte> payload, out string? error)
    {
        var reader = new A2SReader(payload);
        byte protocol = reader.ReadByte();
        string name = reader.ReadString();
        string map = reader.ReadString();
        string folder = reader.ReadString();
        string game = reader.ReadString();
        ushort appId = reader.ReadUInt16();
        byte players = reader.ReadByte();
        byte maxPlayers = reader.ReadByte();
        byte bots = reader.ReadByte();
        char serverType = (char)reader.ReadByte();
        char environment = (char)reader.ReadByte();
        bool hasPassword = reader.ReadByte() != 0;
        bool vac = reader.ReadByte() != 0;
        if (reader.Overrun)
        {
            return Fail<ServerInfo>($"the INFO answer ends after {payload.Length} bytes, before its fixed fields do", out error);
        }

        byte? shipMode = null, shipWitnesses = null, shipDuration = null;
        if (appId == TheShipAppId)
        {
            shipMode = reader.ReadByte();
            shipWitnesses = reader.ReadByte();
            shipDuration = reader.ReadByte();
        }

        string version = reader.ReadString();
        if (reader.Overrun)
        {
            return Fail<ServerInfo>($"the INFO answer ends after {payload.Length} bytes, inside its version string", out error);
        }

        var info = new ServerInfo
        {
            Engine = A2SEngine.Source,
            Protocol = protocol,
            Name = name,
            Map = map,
            Folder = folder,
            Game = game,
            AppId = appId,
            Players = players,
            MaxPlayers = maxPlayers,
            Bots = bots,
            ServerTypeCode = serverType,
            ServerType = ToServerType(serverType),
            EnvironmentCode = environment,
            Environment = ToEnvironment(environment),
            HasPassword = hasPassword,
            IsVacSecured = vac,
            ShipMode = shipMode,
            ShipWitnesses = shipWitnesses,
            ShipDuration = shipDuration,
            Version = version,
        };

        if (reader.AtEnd)
        {
            // Old servers, and some games, stop after the version: no extra data flags.
            error = null;
            return info;
        }

        // Each field the flags promise, in order. The reader's overrun is sticky, so a field read at or after a cut is null
        // and the fields before it are kept (IsTruncated).
        byte flags = reader.ReadByte();
        ushort? port = (flags & 0x80) != 0 ? Kept(reader.ReadUInt16(), reader.Overrun) : null;
        ulong? steamId = (flags & 0x10) != 0 ? Kept(reader.ReadUInt64(), reader.Overrun) : null;
        ushort? tvPort = (flags & 0x40) != 0 ? Kept(reader.ReadUInt16(), reader.Overrun) : null;
        string? tvName = (flags & 0x40) != 0 ? Kept(reader.ReadString(), reader.Overrun) : null;
        string? keywords = (flags & 0x20) != 0 ? Kept(reader.ReadString(), reader.Overrun) : null;
        ulong? gameId = (flags & 0x01) != 0 ? Kept(reader.ReadUInt64(), reader.Overrun) : null;
        error = null;
        return info with
        {
            ExtraDataFlags = flags,
            GamePort = port,
            SteamId = steamId,
            SourceTvPort = tvPort,
            SourceTvName = tvName,
            Keywords = keywords,
            GameId = gameId,
            IsTruncated = reader.Overrun,
        };
    }

    /// <summary>A field's value, or null when the answer ended before the field did.</summary>
    private static T? Kept<T>(T value, bool overrun)
        where T : struct => overrun ? null : value;

    private static string? Kept(string value, bool overrun) => overrun ? null : value;

    public static ServerInfo? ParseGoldSourceInfo(ReadOnlySpan<byte> payload, out string? error)
    {
        var reader = new A2SReader(payload);
        string address = reader.ReadString();
        string name = reader.ReadString();
        string map = reader.ReadString();
        string folder = reader.ReadString();
        string game = reader.ReadString();
        byte players = reader.ReadByte();
        byte maxPlayers = reader.ReadByte();
        byte protocol = reader.ReadByte();
        char serverType = (char)reader.ReadByte();
        char environment = (char)reader.ReadByte();
        bool hasPassword = reader.ReadByte() != 0;
        bool isMod = reader.ReadByte() == 1;
        GoldSourceMod? mod = null;
        if (isMod)
        {
            string link = reader.ReadString();
            string download = reader.ReadString();
            _ = reader.ReadByte(); // a NUL the format keeps
            int version = reader.ReadInt32();
            int size = reader.ReadInt32();
            bool multiplayerOnly = reader.ReadByte() == 1;
            bool ownDll = reader.ReadByte() == 1;
            mod = new GoldSourceMod { Link = link, DownloadLink = download, Version = version, Size = size, IsMultiplayerOnly = multiplayerOnly, HasOwnDll = ownDll };
        }

        bool vac = reader.ReadByte() != 0;
        byte bots = reader.ReadByte();
        if (reader.Overrun)
        {
            return Fail<ServerInfo>($"the GoldSource INFO answer ends after {payload.Length} bytes, before its fields do", out error);
        }

        error = null;
        return new ServerInfo
        {
            Engine = A2SEngine.GoldSource,
            Address = address,
            Name = name,
            Map = map,
            Folder = folder,
            Game = game,
            Players = players,
            MaxPlayers = maxPlayers,
            Protocol = protocol,
            ServerTypeCode = serverType,
            ServerType = ToServerType(serverType),
            EnvironmentCode = environment,
            Environment = ToEnvironment(environment),
            HasPassword = hasPassword,
            Mod = mod,
            IsVacSecured = vac,
            Bots = bots,
        };
    }

    /// <summary>
    /// A PLAYER answer. The count byte is not trusted: players are read until the payload ends (Rust wraps the count past
    /// 255). The Ship's deaths and money are read where the payload holds exactly those 8 more bytes per player.
    /// </summary>
    public static IReadOnlyList<QueryPlayer>? ParsePlayers(ReadOnlySpan<byte> payload, out string? error)
    {
        if (payload.IsEmpty)
        {
            return Fail<IReadOnlyList<QueryPlayer>>("the PLAYER answer is empty: it has no player count", out error);
        }

        int declared = payload[0];
        ReadOnlySpan<byte> players = payload[1..];
        bool shipExact = false;
        List<QueryPlayer>? ship = declared > 0 ? ReadPlayers(players, theShip: true, declared, out shipExact) : null;
        if (ship is not null && shipExact && ship.Count == declared && LooksLikeShip(ship))
        {
            error = null;
            return ship;
        }

        List<QueryPlayer> plain = ReadPlayers(players, theShip: false, expected: -1, out _);
        error = null;
        return plain;
    }

    /// <summary>A RULES answer: a 16-bit count, then name and value strings. What arrived before a cut is kept.</summary>
    public static ServerRules? ParseRules(ReadOnlySpan<byte> payload, out string? error)
    {
        if (payload.Length < 2)
        {
            return Fail<ServerRules>($"the RULES answer holds {payload.Length} bytes: not even its rule count", out error);
        }

        var reader = new A2SReader(payload);
        int declared = reader.ReadUInt16();
        var rules = new Dictionary<string, string>(Math.Min(declared, 1024), StringComparer.Ordinal);
        var raw = new List<KeyValuePair<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>>>(Math.Min(declared, 1024));
        bool truncated = false;
        while (!reader.AtEnd)
        {
            ReadOnlySpan<byte> name = reader.ReadStringBytes();
            ReadOnlySpan<byte> value = reader.ReadStringBytes();
            if (reader.Overrun)
            {
                truncated = true; // cut inside a rule: the part rule is not a rule
                break;
            }

            raw.Add(new(name.ToArray(), value.ToArray()));
            rules[A2SReader.Decode(name)] = A2SReader.Decode(value);
        }

        error = null;
        return new ServerRules(rules, raw, declared, truncated || raw.Count < declared);
    }

    private static List<QueryPlayer> ReadPlayers(ReadOnlySpan<byte> data, bool theShip, int expected, out bool exact)
    {
        var players = new List<QueryPlayer>(Math.Max(expected, 8));
        var reader = new A2SReader(data);
        while (!reader.AtEnd && (expected < 0 || players.Count < expected))
        {
            byte index = reader.ReadByte();
            ReadOnlySpan<byte> name = reader.ReadStringBytes();
            int score = reader.ReadInt32();
            float seconds = reader.ReadSingle();
            int? deaths = theShip ? reader.ReadInt32() : null;
            int? money = theShip ? reader.ReadInt32() : null;
            if (reader.Overrun)
            {
                break; // a cut player is no player
            }

            players.Add(new QueryPlayer
            {
                Index = index,
                Name = A2SReader.Decode(name),
                NameBytes = name.ToArray(),
                Score = score,
                Duration = ToDuration(seconds),
                Deaths = deaths,
                Money = money,
            });
        }

        exact = reader.AtEnd && !reader.Overrun;
        return players;
    }

    /// <summary>The Ship's layout fits by length alone only by chance; its durations must also be plausible.</summary>
    private static bool LooksLikeShip(List<QueryPlayer> players) => players.TrueForAll(p => p.Duration >= TimeSpan.Zero && p.Deaths >= 0);

    private static TimeSpan ToDuration(float seconds) =>
        float.IsFinite(seconds) && seconds is > -1e9f and < 1e9f ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;

    private static A2SServerType ToServerType(char code) => char.ToLowerInvariant(code) switch
    {
        'd' => A2SServerType.Dedicated,
        'l' => A2SServerType.NonDedicated,
        'p' => A2SServerType.SourceTvRelay,
        _ => A2SServerType.Unknown,
    };

    private static A2SEnvironment ToEnvironment(char code) => char.ToLowerInvariant(code) switch
    {
        'l' => A2SEnvironment.Linux,
        'w' => A2SEnvironment.Windows,
        'm' or 'o' => A2SEnvironment.Mac,
        _ => A2SEnvironment.Unknown,
    };

    private static T? Fail<T>(string message, out string? error)
        where T : class
    {
        error = message;
        return null;
    }
}
