namespace RconTyped.Protocol;

/// <summary>The three 32-bit fields that start every RCON packet.</summary>
/// <param name="Size">The size field: the byte count after it (id, type, body and the two terminators).</param>
/// <param name="Id">The request id, mirrored by the server (-1 in an AUTH_RESPONSE means a wrong password).</param>
/// <param name="Type">The packet type.</param>
public readonly record struct RconPacketHeader(int Size, int Id, RconPacketType Type)
{
    /// <summary>The body's length in bytes (the size field less id, type and the two terminators).</summary>
    public int BodyLength => Size - RconCodec.MinimumSizeField;

    /// <summary>The whole packet's length on the wire, size field included.</summary>
    public int PacketLength => Size + RconCodec.SizeFieldLength;
}
