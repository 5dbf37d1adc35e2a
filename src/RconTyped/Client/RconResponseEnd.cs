namespace RconTyped;

/// <summary>How a client knows that a server has finished answering a command.</summary>
public enum RconResponseEnd
{
    /// <summary>
    /// Decided at authentication: a server that sends an empty RESPONSE_VALUE before its AUTH_RESPONSE
    /// is Source 1 (<see cref="MirrorPacket"/>); one that sends only the AUTH_RESPONSE is CS2-like (<see cref="SinglePacket"/>).
    /// </summary>
    DetectAtAuthentication,

    /// <summary>
    /// Source 1 (srcds): the answer may be split into many packets. After each command the client sends an empty
    /// RESPONSE_VALUE with its own id; the server mirrors it once everything before it was sent, then sends one
    /// more packet whose body is <c>00 01 00 00</c>, which the client discards.
    /// </summary>
    MirrorPacket,

    /// <summary>Source 2 (CS2): every answer is exactly one packet, of any size.</summary>
    SinglePacket,

    /// <summary>
    /// Minecraft: the answer may be split (at 4096 UTF-16 units) and the server does not mirror anything. Once the first
    /// packet of the answer has arrived the client sends an empty packet of a type the server does not know, in its own
    /// write; the server answers it, in order, with <c>Unknown request …</c>, which marks the end. One command at a time.
    /// </summary>
    UnknownTypeProbe,
}
