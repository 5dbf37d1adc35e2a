using System.Buffers.Binary;

namespace RconTyped.Query;

/// <summary>
/// Writes the three queries. Every datagram starts with <c>FF FF FF FF</c>; INFO carries <c>Source Engine Query\0</c> and,
/// since Valve's 2020 change, the challenge the server sent back; PLAYER and RULES carry the challenge, -1 to ask for one.
/// </summary>
internal static class A2SRequest
{
    /// <summary>The challenge a query sends before it has one.</summary>
    public const int NoChallenge = -1;

    /// <summary>Room enough for any request.</summary>
    public const int MaxLength = 32;

    private static ReadOnlySpan<byte> InfoPayload => "TSource Engine Query\0"u8;

    /// <summary>Writes the request for <paramref name="kind"/> and returns its length.</summary>
    public static int Write(Span<byte> destination, A2SQueryKind kind, int challenge)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, -1);
        int length = 4;
        switch (kind)
        {
            case A2SQueryKind.Info:
                InfoPayload.CopyTo(destination[length..]);
                length += InfoPayload.Length;
                if (challenge == NoChallenge)
                {
                    return length; // the first INFO goes without: servers that need one answer with S2C_CHALLENGE
                }

                break;
            case A2SQueryKind.Players:
                destination[length++] = (byte)'U';
                break;
            default:
                destination[length++] = (byte)'V';
                break;
        }

        BinaryPrimitives.WriteInt32LittleEndian(destination[length..], challenge);
        return length + 4;
    }
}
