using System.Buffers;
using RconTyped.Protocol;

namespace RconTyped;

/// <summary>What a <see cref="RconConnection"/> tells the client that owns it. Called on the connection's read loop.</summary>
internal interface IConnectionOwner
{
    /// <summary>A packet that is no answer (Squad's chat, Rust's stray packets).</summary>
    void OnUnsolicitedPacket(int id, RconPacketType type, in ReadOnlySequence<byte> body);

    /// <summary>The server withdrew the authentication (AUTH_RESPONSE -1 on an authenticated connection).</summary>
    void OnAuthenticationRevoked(RconConnection connection);

    /// <summary>The connection ended, once, for <paramref name="reason"/>; every command on it has failed with <paramref name="failure"/>.</summary>
    void OnEnded(RconConnection connection, string reason, Exception failure);
}
