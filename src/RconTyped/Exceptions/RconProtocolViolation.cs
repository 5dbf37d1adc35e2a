namespace RconTyped;

/// <summary>The rule that bytes from the peer broke.</summary>
public enum RconProtocolViolation
{
    /// <summary>The size field is below 10, the smallest packet (id, type, two terminators); negative sizes land here too.</summary>
    SizeTooSmall,

    /// <summary>The size field is above the configured limit (<see cref="RconClientOptions.MaxPacketSize"/>).</summary>
    SizeTooLarge,

    /// <summary>The two bytes that end a packet are not both 0x00.</summary>
    MissingTerminator,

    /// <summary>The reassembled answer grew past <see cref="RconClientOptions.MaxResponseBytes"/>.</summary>
    ResponseTooLarge,
}
