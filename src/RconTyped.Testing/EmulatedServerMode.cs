namespace RconTyped.Testing;

/// <summary>Which server the emulator behaves like.</summary>
public enum EmulatedServerMode
{
    /// <summary>
    /// Source 1 srcds (TF2, CS:GO, GMod …): an empty RESPONSE_VALUE before each AUTH_RESPONSE, answers split
    /// into 4096-byte packets, the empty packet mirrored then followed by <c>00 01 00 00</c>, requests over
    /// 1024 bytes refused, values in <c>cvarlist</c> printed as numbers.
    /// </summary>
    Source,

    /// <summary>
    /// CS2: only the AUTH_RESPONSE at authentication, one packet per answer of any size, the empty packet
    /// ignored, <c>cvarlist</c> in the Source 2 layout and bare queries answered <c>name = value</c>.
    /// </summary>
    Cs2,

    /// <summary>
    /// Minecraft Java Edition: only the AUTH_RESPONSE at authentication (the connection stays open on a wrong password),
    /// answers split every 4096 UTF-16 units with no mirror, a packet of an unknown type answered with
    /// <c>Unknown request &lt;type in hex&gt;</c>, and the connection closed on a request body over 1446 bytes or on
    /// two packets arriving in one read.
    /// </summary>
    Minecraft,

    /// <summary>Factorio: Source-style authentication, one packet per answer, the empty packet never answered, the connection dropped on a request over 4096 bytes.</summary>
    Factorio,

    /// <summary>ARK: Source-style authentication, one packet per answer, the empty packet never answered, empty output sent as <c>Server received, But no response!! </c>.</summary>
    Ark,

    /// <summary>Conan Exiles: only the AUTH_RESPONSE at authentication, one packet per answer; past <see cref="EmulatedServerOptions.RateLimit"/> commands in 30 s it answers <c>42</c> and closes.</summary>
    ConanExiles,

    /// <summary>
    /// Palworld: only the AUTH_RESPONSE at authentication, one packet per answer, every answer with id 0, the empty packet
    /// ignored, and an answer with non-ASCII text sent short: its size field counts the UTF-8 bytes, but only as many bytes
    /// go out as the text has UTF-16 units, so the tail of the body and the terminators never arrive (the model of the
    /// reports in gorcon/rcon-cli #35 and miscord-dev/palog #9, where the last bytes are missing and clients wait).
    /// </summary>
    Palworld,

    /// <summary>Squad: Source behaviour, plus a type-1 chat packet before each answer and the mirror's confirmation sent twice.</summary>
    Squad,

    /// <summary>Rust (legacy RCON): Source-style authentication, one packet per answer, and a stray type-4 packet before each.</summary>
    Rust,
}
