namespace RconTyped;

/// <summary>
/// A packet that is not an answer: a type other than RESPONSE_VALUE and AUTH_RESPONSE (Squad's type-1 chat messages,
/// Rust's stray type-4 packets). It is reported here and never mixed into an answer.
/// </summary>
public sealed class RconUnsolicitedPacketEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public RconUnsolicitedPacketEventArgs(int id, Protocol.RconPacketType type, ReadOnlyMemory<byte> body, string text)
    {
        Id = id;
        Type = type;
        Body = body;
        Text = text;
    }

    /// <summary>The packet's id.</summary>
    public int Id { get; }

    /// <summary>The packet's type.</summary>
    public Protocol.RconPacketType Type { get; }

    /// <summary>The body, as received.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body decoded with the client's encoding (invalid bytes replaced).</summary>
    public string Text { get; }
}
