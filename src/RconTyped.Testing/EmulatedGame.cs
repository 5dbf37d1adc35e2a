using RconTyped.Testing.Games;

namespace RconTyped.Testing;

/// <summary>
/// One game the emulated server can be: its <see cref="EmulatedServerMode"/>, the name the command-line tool gives it, the
/// client dialect that speaks to it (from <see cref="RconDialect.Known"/>), what it does on the wire, and the behaviour
/// (commands and wire hooks) that plays it. The one table the emulator and the tool read; docs/protocol.md says where each fact comes from.
/// </summary>
public sealed class EmulatedGame
{
    private readonly Func<GameBehaviour> _createBehaviour;

    private EmulatedGame(EmulatedServerMode mode, RconDialect dialect, bool sendsEmptyBeforeAuthentication, Func<GameBehaviour> behaviour, string? name = null)
    {
        _createBehaviour = behaviour;
        Mode = mode;
        Dialect = dialect;
        Name = name ?? dialect.Id;
        SendsEmptyBeforeAuthentication = sendsEmptyBeforeAuthentication;
    }

    /// <summary>Every game, <see cref="EmulatedServerMode.Source"/> first.</summary>
    public static IReadOnlyList<EmulatedGame> All { get; } =
    [
        new(EmulatedServerMode.Source, RconDialect.Source, sendsEmptyBeforeAuthentication: true, () => new SourceOneGame()),
        new(EmulatedServerMode.Cs2, RconDialect.Cs2, sendsEmptyBeforeAuthentication: false, () => new Cs2Game()),
        new(EmulatedServerMode.Minecraft, RconDialect.Minecraft, sendsEmptyBeforeAuthentication: false, () => new MinecraftGame()),
        new(EmulatedServerMode.Factorio, RconDialect.Factorio, sendsEmptyBeforeAuthentication: true, () => new FactorioGame()),
        new(EmulatedServerMode.Ark, RconDialect.Ark, sendsEmptyBeforeAuthentication: true, () => new ArkGame()),
        new(EmulatedServerMode.ConanExiles, RconDialect.ConanExiles, sendsEmptyBeforeAuthentication: false, () => new ConanExilesGame()),
        new(EmulatedServerMode.Palworld, RconDialect.Palworld, sendsEmptyBeforeAuthentication: false, () => new PalworldGame()),
        new(EmulatedServerMode.Squad, RconDialect.Squad, sendsEmptyBeforeAuthentication: true, () => new SquadGame()),
        new(EmulatedServerMode.Rust, RconDialect.Cs2, sendsEmptyBeforeAuthentication: true, () => new RustGame(), name: "rust"),
    ];

    /// <summary>The mode.</summary>
    public EmulatedServerMode Mode { get; }

    /// <summary>The name on command lines (<c>rcon-typed serve --mode NAME</c>): the dialect's <see cref="RconDialect.Id"/>, or the game's own.</summary>
    public string Name { get; }

    /// <summary>The dialect a client uses with this game.</summary>
    public RconDialect Dialect { get; }

    /// <summary>Whether an empty RESPONSE_VALUE comes before the AUTH_RESPONSE (what <see cref="RconDialect.Auto"/> takes for Source 1).</summary>
    public bool SendsEmptyBeforeAuthentication { get; }

    /// <summary>Whether long answers are split and the empty packet after a command is mirrored (the dialect's answers end with the mirror).</summary>
    public bool MirrorsEmptyPacket => Dialect.ResponseEnd == RconResponseEnd.MirrorPacket;

    /// <summary>Whether a packet of an unknown type is answered with <c>Unknown request …</c> (Minecraft; the dialect ends answers with that probe).</summary>
    public bool AnswersUnknownTypes => Dialect.ResponseEnd == RconResponseEnd.UnknownTypeProbe;

    /// <summary>Whether answers carry id 0 instead of the request's (Palworld).</summary>
    public bool AnswersWithIdZero => !Dialect.AnswersCarryRequestId;

    /// <summary>The longest request packet accepted, on the wire; longer ones drop the connection.</summary>
    public int MaxRequestPacketLength => Dialect.MaxRequestPacketLength;

    /// <summary>The game of a mode.</summary>
    public static EmulatedGame For(EmulatedServerMode mode)
    {
        foreach (EmulatedGame game in All)
        {
            if (game.Mode == mode)
            {
                return game;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an emulated server mode.");
    }

    /// <summary>A new behaviour of this game (its console commands and wire rules) for one console.</summary>
    internal GameBehaviour CreateBehaviour()
    {
        GameBehaviour behaviour = _createBehaviour();
        behaviour.Game = this;
        return behaviour;
    }

    /// <summary>The game with this <see cref="Name"/> (any case), or null.</summary>
    public static EmulatedGame? Find(string name) => All.FirstOrDefault(game => string.Equals(game.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => Name;
}
