namespace RconTyped.Testing;

/// <summary>Faults the emulated server injects, to test how a client copes. All off by default.</summary>
public sealed class FaultInjection
{
    /// <summary>When set, every write is cut into pieces of this many bytes, each sent on its own (1 sends byte by byte).</summary>
    public int? FragmentSize { get; set; }

    /// <summary>A pause between the pieces of a fragmented write.</summary>
    public TimeSpan FragmentDelay { get; set; }

    /// <summary>A pause before each command is answered.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When set, each connection is dropped once it has sent this many packets.</summary>
    public int? DropAfterPackets { get; set; }

    /// <summary>When set, each connection is dropped once it has sent this many bytes, even in the middle of a packet.</summary>
    public long? DropAfterBytes { get; set; }

    /// <summary>
    /// Commands (first word, case-insensitive) that are run but never answered, as some servers do with <c>changelevel</c>.
    /// In Source mode the empty packet that follows such a command is not mirrored either, so the whole exchange stays silent.
    /// </summary>
    public ISet<string> UnansweredCommands { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>When true, the server closes every connection right after a successful authentication.</summary>
    public bool CloseAfterAuthentication { get; set; }
}
