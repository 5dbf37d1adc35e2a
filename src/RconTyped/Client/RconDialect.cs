namespace RconTyped;

/// <summary>
/// One game's rules for speaking RCON: how an answer ends and how long a request may be.
/// Pick one with <see cref="RconClientOptions.Dialect"/>; <see cref="Auto"/> is the default.
/// </summary>
public sealed class RconDialect
{
    /// <summary>Creates a dialect.</summary>
    /// <param name="name">A name for logs and messages.</param>
    /// <param name="responseEnd">How the end of an answer is found.</param>
    /// <param name="maxRequestPacketLength">The longest packet the server accepts from a client, in bytes on the wire (size field included).</param>
    /// <param name="maxCommandsInFlight">How many commands may wait for answers at once; 1 for servers that cannot pipeline.</param>
    /// <param name="stripFormattingCodes">Whether answer text drops Minecraft's <c>§x</c> formatting codes (the bytes keep them).</param>
    /// <param name="emptyAnswerText">An answer text that means "no output" (ARK sends one); null for none.</param>
    /// <param name="rateLimitAnswer">An answer that announces a rate-limit close (Conan Exiles sends <c>42</c>); null for none.</param>
    /// <param name="answersCarryRequestId">
    /// False for servers whose answers do not carry the command's id (Palworld sends 0): every answer then belongs to the one
    /// command in flight, so <paramref name="maxCommandsInFlight"/> must be 1.
    /// </param>
    /// <param name="shortPacketWait">
    /// How long to wait for the rest of an answer packet that stops short of its size field before taking what arrived as
    /// the whole (truncated) answer; null waits for every byte the size field promises. Palworld overstates the size of
    /// non-ASCII answers.
    /// </param>
    public RconDialect(
        string name,
        RconResponseEnd responseEnd,
        int maxRequestPacketLength,
        int maxCommandsInFlight = int.MaxValue,
        bool stripFormattingCodes = false,
        string? emptyAnswerText = null,
        string? rateLimitAnswer = null,
        bool answersCarryRequestId = true,
        TimeSpan? shortPacketWait = null)
    {
        EmptyAnswerText = emptyAnswerText;
        RateLimitAnswer = rateLimitAnswer;
        if (maxCommandsInFlight < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCommandsInFlight), maxCommandsInFlight, "At least one command must be allowed in flight.");
        }

        if (!answersCarryRequestId && (maxCommandsInFlight != 1 || responseEnd != RconResponseEnd.SinglePacket))
        {
            throw new ArgumentException(
                "Answers without request ids can only be matched to their command when one command is in flight and every answer is one packet: " +
                "pass maxCommandsInFlight: 1 and RconResponseEnd.SinglePacket.",
                nameof(answersCarryRequestId));
        }

        if (shortPacketWait is { } wait && wait <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(shortPacketWait), wait, "The wait must be positive, or null to wait for every byte.");
        }

        if (shortPacketWait is not null && answersCarryRequestId)
        {
            // A cut packet leaves the stream at an unknown place; only a server that answers one command at a time, without ids, can be trusted after it.
            throw new ArgumentException("A short-packet wait needs answersCarryRequestId: false (one command in flight, single-packet answers).", nameof(shortPacketWait));
        }

        AnswersCarryRequestId = answersCarryRequestId;
        ShortPacketWait = shortPacketWait;

        MaxCommandsInFlight = maxCommandsInFlight;
        StripFormattingCodes = stripFormattingCodes;
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (maxRequestPacketLength < Protocol.RconCodec.Overhead + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRequestPacketLength), maxRequestPacketLength, "A request packet must have room for at least one body byte (15 bytes on the wire).");
        }

        Name = name;
        Id = name.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        ResponseEnd = responseEnd;
        MaxRequestPacketLength = maxRequestPacketLength;
    }

    /// <summary>
    /// The default: requests are held to Source 1's 1024-byte limit until authentication shows which
    /// server this is, then the client behaves as <see cref="Source"/> or <see cref="Cs2"/>.
    /// </summary>
    public static RconDialect Auto { get; } = new("Auto", RconResponseEnd.DetectAtAuthentication, 1024);

    /// <summary>
    /// Source 1 srcds (TF2, CS:S, CS:GO, GMod, L4D2, HL2DM …): split answers ended with the mirror technique;
    /// requests of at most 1024 bytes on the wire, since Source 2013 servers ban an address that sends more
    /// (<c>sv_rcon_maxpacketsize</c>, <c>sv_rcon_maxpacketbans</c>).
    /// </summary>
    public static RconDialect Source { get; } = new("Source", RconResponseEnd.MirrorPacket, 1024);

    /// <summary>
    /// Source 2 (CS2, Deadlock): no empty packet at authentication, every answer is one packet of any size,
    /// and the empty packet of the mirror technique is never answered. Requests up to 4096 bytes.
    /// </summary>
    public static RconDialect Cs2 { get; } = new("CS2", RconResponseEnd.SinglePacket, 4096);

    /// <summary>
    /// Minecraft Java Edition: no empty packet at authentication, answers split at 4096 UTF-16 units with no mirror
    /// (the end is found with an unknown-type probe), request bodies of at most 1446 bytes (the server closes the
    /// connection on more, or on two packets in one read), one command at a time.
    /// </summary>
    public static RconDialect Minecraft { get; } = new("Minecraft", RconResponseEnd.UnknownTypeProbe, 1446 + Protocol.RconCodec.Overhead, maxCommandsInFlight: 1) { StatusCommand = "list" };

    /// <summary>
    /// Factorio: one packet per answer, the empty packet of the mirror technique never answered, and the session
    /// dropped on requests over about 4 KB ("Couldn't parse RCON data"). Sources: rust-rcon's factorio quirks,
    /// n0la/rcon PR #6, clusterio #34.
    /// </summary>
    public static RconDialect Factorio { get; } = new("Factorio", RconResponseEnd.SinglePacket, 4096) { StatusCommand = "/players online" };

    /// <summary>
    /// ARK: Survival Evolved: one packet per answer (no mirror), one command at a time (concurrent commands hang), and
    /// an empty output sent as <c>Server received, But no response!!</c>, which reads as empty text. Sources:
    /// ark-server-tools PR #410, python-valve #60, CoreRcon #7.
    /// </summary>
    public static RconDialect Ark { get; } = new("ARK", RconResponseEnd.SinglePacket, 4096, maxCommandsInFlight: 1, emptyAnswerText: "Server received, But no response!!") { StatusCommand = "ListPlayers" };

    /// <summary>
    /// Conan Exiles: no empty packet at authentication; when rate-limited (roughly 10–20 requests in 30 s) it answers
    /// <c>42</c> and closes the connection, which is reported as such (wait about 3 minutes). Sources:
    /// PHP-Source-Query #133, gorcon/rcon-cli #6.
    /// </summary>
    public static RconDialect ConanExiles { get; } = new("Conan Exiles", RconResponseEnd.SinglePacket, 4096, rateLimitAnswer: "42") { Id = "conan", StatusCommand = "ListPlayers" };

    /// <summary>
    /// Palworld: every answer is one packet with id 0, so answers go to the one command in flight (one at a time); the size
    /// field of an answer with non-ASCII text claims more bytes than are sent, so after 1 s without more bytes the client
    /// takes what arrived as the answer, marked <see cref="RconResponse.IsTruncated"/>. A command that times out or is
    /// cancelled after it was sent closes the connection: its late answer could not be told apart from the next one's.
    /// Sources: CoreRcon PR #57, gorcon/rcon-cli #35, miscord-dev/palog #9, ddakebono/PalworldRcon #8.
    /// </summary>
    public static RconDialect Palworld { get; } = new("Palworld", RconResponseEnd.SinglePacket, 4096, maxCommandsInFlight: 1, answersCarryRequestId: false, shortPacketWait: TimeSpan.FromSeconds(1)) { StatusCommand = "ShowPlayers" };

    /// <summary>
    /// Squad: Source 1's wire rules (answers end with the mirrored empty packet), requests up to 4096 bytes, and the players
    /// listed by <c>ListPlayers</c>.
    /// </summary>
    public static RconDialect Squad { get; } = new("Squad", RconResponseEnd.MirrorPacket, 4096) { StatusCommand = "ListPlayers" };

    /// <summary>
    /// The dialects RconTyped knows, <see cref="Auto"/> first: the one list the command-line tool and the emulated server
    /// read their names from.
    /// </summary>
    public static IReadOnlyList<RconDialect> Known { get; } = [Auto, Source, Cs2, Minecraft, Factorio, Ark, ConanExiles, Palworld, Squad];

    /// <summary>
    /// A short lowercase name for command lines and configuration files: <c>auto</c>, <c>source</c>, <c>cs2</c>,
    /// <c>minecraft</c>, <c>factorio</c>, <c>ark</c>, <c>conan</c>, <c>palworld</c>; for other dialects, the name in lower
    /// case without spaces.
    /// </summary>
    public string Id { get; private init; }

    /// <summary>The known dialect with this <see cref="Id"/> or <see cref="Name"/> (any case), or null.</summary>
    public static RconDialect? FindKnown(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        foreach (RconDialect dialect in Known)
        {
            if (string.Equals(dialect.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(dialect.Name, idOrName, StringComparison.OrdinalIgnoreCase))
            {
                return dialect;
            }
        }

        return null;
    }

    /// <summary>
    /// The known dialect with this <see cref="Id"/> or <see cref="Name"/> (any case): what configuration files, the
    /// command-line tool and <c>RconServerSettings.Dialect</c> accept.
    /// </summary>
    /// <exception cref="FormatException">No known dialect has that id or name; the message lists the ids.</exception>
    public static RconDialect Parse(string idOrName) =>
        FindKnown(idOrName) ?? throw new FormatException($"unknown dialect '{idOrName}'; use one of {string.Join(", ", Known.Select(d => d.Id))}.");

    /// <summary>
    /// The command that lists the players, which <see cref="RconServer.GetStatusAsync"/> sends and <see cref="ServerStatus.Parse"/>
    /// reads: <c>status</c> (Source, CS2), <c>list</c> (Minecraft), <c>ShowPlayers</c> (Palworld), <c>ListPlayers</c> (ARK,
    /// Conan Exiles, Squad), <c>/players online</c> (Factorio).
    /// </summary>
    public string StatusCommand { get; init; } = "status";

    /// <summary>Whether answers carry the command's request id; when false, each answer belongs to the one command in flight.</summary>
    public bool AnswersCarryRequestId { get; }

    /// <summary>How long to wait for the rest of a packet that stops short of its size field before taking what arrived; null waits for all of it.</summary>
    public TimeSpan? ShortPacketWait { get; }

    /// <summary>The answer text that means "no output", read as empty text (the bytes keep it); null for none.</summary>
    public string? EmptyAnswerText { get; }

    /// <summary>An answer announcing a rate-limit close; when the connection then closes, the error says so.</summary>
    public string? RateLimitAnswer { get; }

    /// <summary>How many commands may wait for answers at once; 1 where the game cannot pipeline.</summary>
    public int MaxCommandsInFlight { get; }

    /// <summary>Whether answer text drops <c>§x</c> formatting codes; <see cref="RconResponse.Body"/> always keeps them.</summary>
    public bool StripFormattingCodes { get; }

    /// <summary>This dialect with formatting codes stripped from answer text (or kept).</summary>
    public RconDialect WithStrippedFormattingCodes(bool strip = true) =>
        new(Name, ResponseEnd, MaxRequestPacketLength, MaxCommandsInFlight, strip, EmptyAnswerText, RateLimitAnswer, AnswersCarryRequestId, ShortPacketWait) { Id = Id, StatusCommand = StatusCommand };

    /// <summary>A name for logs and messages.</summary>
    public string Name { get; }

    /// <summary>How the end of an answer is found.</summary>
    public RconResponseEnd ResponseEnd { get; }

    /// <summary>The longest packet the server accepts from a client, in bytes on the wire.</summary>
    public int MaxRequestPacketLength { get; }

    /// <summary>The longest command body, in encoded bytes, that fits in <see cref="MaxRequestPacketLength"/>.</summary>
    public int MaxCommandBytes => MaxRequestPacketLength - Protocol.RconCodec.Overhead;

    /// <inheritdoc />
    public override string ToString() => Name;
}
