using RconTyped.Protocol;

namespace RconTyped.Testing;

/// <summary>
/// What one connection of the emulated server remembers between packets, and the answers queued for its next write.
/// The game's hooks (<see cref="Games.GameBehaviour"/>) read and change it; the socket loop only flushes it.
/// </summary>
internal sealed class EmulatedSession(EmulatedServerOptions options)
{
    /// <summary>The server's settings.</summary>
    public EmulatedServerOptions Options { get; } = options;

    /// <summary>Whether the password was accepted on this connection.</summary>
    public bool Authenticated { get; set; }

    /// <summary>Empty packets that end unanswered commands, to be swallowed rather than mirrored.</summary>
    public int MirrorsToSwallow { get; set; }

    /// <summary>When recent commands arrived, for games that limit their rate (on <see cref="EmulatedServerOptions.TimeProvider"/>).</summary>
    public Queue<DateTimeOffset> RecentCommands { get; } = new();

    /// <summary>Packets waiting for the next write.</summary>
    public List<OutgoingPacket> Outbox { get; } = [];

    /// <summary>Queues a packet.</summary>
    public void Queue(int id, RconPacketType type, byte[] body) => Outbox.Add(new OutgoingPacket(id, type, body));

    /// <summary>Queues an answer packet (RESPONSE_VALUE).</summary>
    public void Answer(int id, byte[] body) => Queue(id, RconPacketType.ResponseValue, body);
}
