using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Testing.Games;

/// <summary>Rust (legacy RCON): Source's console, and a stray type-4 packet before every answer.</summary>
internal sealed class RustGame : SourceGame
{
    public override OutgoingPacket? PacketBeforeAnswer(Encoding encoding) =>
        new OutgoingPacket(-1, new RconPacketType(4), encoding.GetBytes("stray"));
}
