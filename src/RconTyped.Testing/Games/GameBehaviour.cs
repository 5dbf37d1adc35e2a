using System.Text;

namespace RconTyped.Testing.Games;

/// <summary>
/// What one game's console answers, and the packets it sends around answers. The socket loop
/// (<see cref="EmulatedConnection"/>) and the wire rules (<see cref="EmulatedGame"/>) are shared; each game adds its
/// commands to the console in its own output format.
/// </summary>
internal abstract class GameBehaviour
{
    /// <summary>Adds this game's commands to a new console.</summary>
    public abstract void AddCommands(ServerConsole console);

    /// <summary>A packet the game sends before each answer (Squad's chat, Rust's stray packet), or null.</summary>
    public virtual OutgoingPacket? PacketBeforeAnswer(Encoding encoding) => null;

    /// <summary>The behaviour of a mode.</summary>
    public static GameBehaviour For(EmulatedServerMode mode) => mode switch
    {
        EmulatedServerMode.Cs2 => new Cs2Game(),
        EmulatedServerMode.Minecraft => new MinecraftGame(),
        EmulatedServerMode.Palworld => new PalworldGame(),
        EmulatedServerMode.Squad => new SquadGame(),
        EmulatedServerMode.Ark => new ArkGame(),
        EmulatedServerMode.Factorio => new FactorioGame(),
        EmulatedServerMode.Rust => new RustGame(),
        EmulatedServerMode.ConanExiles => new ConanExilesGame(),
        _ => new SourceGame(),
    };
}
