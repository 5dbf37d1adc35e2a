namespace RconTyped.Testing;

/// <summary>
/// How the emulated server answers Steam server queries (A2S) on UDP at its RCON port, as srcds does on its game port.
/// May be changed while the server runs.
/// </summary>
public sealed class EmulatedQueryOptions
{
    /// <summary>Whether the server answers A2S at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether every query must carry the server's challenge first (Valve's 2020 rule for A2S_INFO; always the rule for
    /// PLAYER and RULES). A query without it gets <c>S2C_CHALLENGE</c> (9 bytes), so the server never amplifies a
    /// spoofed request. Default true; false answers INFO at once, as servers before 2020 did.
    /// </summary>
    public bool RequireChallenge { get; set; } = true;

    /// <summary>Answer in GoldSource's layouts: the <c>m</c> INFO answer and 4-bit split headers. Default false.</summary>
    public bool GoldSource { get; set; }

    /// <summary>The largest payload of one datagram before an answer is split (srcds: 1248 bytes). Default 1248.</summary>
    public int MaxPayload { get; set; } = 1248;

    /// <summary>Compress split answers with bzip2 (with their size and CRC32), as some Source servers do. Default false.</summary>
    public bool Compress { get; set; }

    /// <summary>Send the pieces of a split answer last first. Default false.</summary>
    public bool ReversePieces { get; set; }

    /// <summary>Send every piece of a split answer twice. Default false.</summary>
    public bool DuplicatePieces { get; set; }

    /// <summary>Leave out the piece with this number from every split answer (a lost datagram). Default null.</summary>
    public int? DropPiece { get; set; }

    /// <summary>Extra rules beyond the console's variables (A2S_RULES answers both), for long answers in tests.</summary>
    public IDictionary<string, string> ExtraRules { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long the server waits before it answers a query (a busy or distant server). Default none.</summary>
    public TimeSpan ResponseDelay { get; set; }
}
