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
}
