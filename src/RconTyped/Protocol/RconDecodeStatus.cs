namespace RconTyped.Protocol;

/// <summary>What <see cref="RconCodec"/> found at the start of a buffer. Malformed bytes are not a status: they raise <see cref="RconProtocolException"/>.</summary>
public enum RconDecodeStatus
{
    /// <summary>A whole packet was decoded.</summary>
    Complete,

    /// <summary>The buffer holds the start of a packet (or nothing): read more bytes and try again.</summary>
    NeedMoreData,
}
