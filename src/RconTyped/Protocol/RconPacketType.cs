namespace RconTyped.Protocol;

/// <summary>
/// The type field of an RCON packet. The protocol reuses the value 2 for two meanings
/// (<see cref="AuthResponse"/> from the server, <see cref="ExecCommand"/> from the client): only the
/// direction tells them apart, so this is a value, not an enum with duplicate members.
/// Values outside the documented four are kept as they are (Squad sends 1, Rust sends 4).
/// </summary>
public readonly struct RconPacketType : IEquatable<RconPacketType>
{
    /// <summary>Creates a packet type from its wire value.</summary>
    public RconPacketType(int value) => Value = value;

    /// <summary>The 32-bit value on the wire.</summary>
    public int Value { get; }

    /// <summary>SERVERDATA_RESPONSE_VALUE (0): a command's output, in either direction for the end-of-answer mirror.</summary>
    public static RconPacketType ResponseValue => new(0);

    /// <summary>SERVERDATA_EXECCOMMAND (2), client to server: run a console command.</summary>
    public static RconPacketType ExecCommand => new(2);

    /// <summary>SERVERDATA_AUTH_RESPONSE (2), server to client: the id of the auth request, or -1 for a wrong password.</summary>
    public static RconPacketType AuthResponse => new(2);

    /// <summary>SERVERDATA_AUTH (3), client to server: the body is the password.</summary>
    public static RconPacketType Auth => new(3);

    /// <inheritdoc />
    public bool Equals(RconPacketType other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RconPacketType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>Compares two packet types by wire value.</summary>
    public static bool operator ==(RconPacketType left, RconPacketType right) => left.Value == right.Value;

    /// <summary>Compares two packet types by wire value.</summary>
    public static bool operator !=(RconPacketType left, RconPacketType right) => left.Value != right.Value;

    /// <summary>The wire value and the protocol's name(s) for it, for logs.</summary>
    public override string ToString() => Value switch
    {
        0 => "0 (RESPONSE_VALUE)",
        2 => "2 (EXECCOMMAND/AUTH_RESPONSE)",
        3 => "3 (AUTH)",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
