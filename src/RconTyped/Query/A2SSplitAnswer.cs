using System.Buffers.Binary;
using ICSharpCode.SharpZipLib.BZip2;
using ICSharpCode.SharpZipLib.Checksum;

namespace RconTyped.Query;

/// <summary>
/// The pieces of one split answer (<c>FF FF FF FE</c>, one answer id) from one server, in any order, until they make a
/// whole. Both split layouts are tried on the pieces held, since a piece alone does not say which it is: Source
/// (id, total, number, size; bzip2 with size and CRC32 when the id's high bit is set) and GoldSource (a byte whose high
/// nibble is the number and low nibble the total). Every bound is checked before bytes are kept or inflated.
/// </summary>
internal sealed class A2SSplitAnswer
{
    private const int SourceHeader = 12;
    private const int SourceCompressedHeader = 20;
    private const int GoldSourceHeader = 9;
    private readonly List<byte[]> _pieces = [];
    private int _bytes;

    public A2SSplitAnswer(int id) => Id = id;

    /// <summary>The answer id every piece carries.</summary>
    public int Id { get; }

    /// <summary>The id of a split datagram, or false when the datagram is too short to be one.</summary>
    public static bool TryReadId(ReadOnlySpan<byte> datagram, out int id)
    {
        if (datagram.Length < GoldSourceHeader + 1)
        {
            id = 0;
            return false;
        }

        id = BinaryPrimitives.ReadInt32LittleEndian(datagram[4..]);
        return true;
    }

    /// <summary>
    /// Adds a piece. <see cref="A2SSplitStep.Complete"/> gives the whole answer (starting with <c>FF FF FF FF</c>);
    /// <see cref="A2SSplitStep.Failed"/> says why the answer can never be whole (the caller drops it).
    /// </summary>
    public A2SSplitStep Add(ReadOnlySpan<byte> datagram, A2SLimits limits, A2SEngine? knownEngine, out byte[]? answer, out string? error)
    {
        answer = null;
        error = null;
        foreach (byte[] held in _pieces)
        {
            if (datagram.SequenceEqual(held))
            {
                return A2SSplitStep.Duplicate;
            }
        }

        if (_pieces.Count >= limits.MaxPieces || _bytes + datagram.Length > limits.MaxAnswerBytes + (limits.MaxPieces * SourceCompressedHeader))
        {
            error = $"split answer {Id} grew past its bounds ({_pieces.Count} pieces, {_bytes} bytes; at most {limits.MaxPieces} pieces and {limits.MaxAnswerBytes} bytes)";
            return A2SSplitStep.Failed;
        }

        _pieces.Add(datagram.ToArray());
        _bytes += datagram.Length;

        string? sourceError = null;
        if (knownEngine != A2SEngine.GoldSource && TryAssembleSource(limits, out answer, out sourceError))
        {
            return A2SSplitStep.Complete;
        }

        if (knownEngine != A2SEngine.Source && TryAssembleGoldSource(out answer))
        {
            return A2SSplitStep.Complete;
        }

        if (sourceError is not null)
        {
            error = sourceError;
            return A2SSplitStep.Failed;
        }

        return A2SSplitStep.Incomplete;
    }

    /// <summary>Source layout: whole when every number below the total is held; then joined, and inflated if compressed.</summary>
    private bool TryAssembleSource(A2SLimits limits, out byte[]? answer, out string? error)
    {
        answer = null;
        error = null;
        bool compressed = Id < 0;
        int firstStart = compressed ? SourceCompressedHeader : SourceHeader;
        if (InOrder(goldSource: false) is not { } ordered || ordered[0].Length < firstStart)
        {
            return false;
        }

        byte[] joined = Join(ordered, firstStart, SourceHeader);
        if (!compressed)
        {
            answer = StartsAsAnswer(joined) ? joined : null;
            return answer is not null;
        }

        int declared = BinaryPrimitives.ReadInt32LittleEndian(ordered[0].AsSpan(SourceHeader));
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(ordered[0].AsSpan(SourceHeader + 4));
        answer = Inflate(joined, declared, crc, limits, out error);
        return answer is not null;
    }

    /// <summary>GoldSource layout: the number in the high nibble, the total in the low one; the payload follows at once.</summary>
    private bool TryAssembleGoldSource(out byte[]? answer)
    {
        answer = null;
        if (InOrder(goldSource: true) is not { } ordered)
        {
            return false;
        }

        byte[] joined = Join(ordered, GoldSourceHeader, GoldSourceHeader);
        answer = StartsAsAnswer(joined) ? joined : null;
        return answer is not null;
    }

    /// <summary>The pieces held, by number, when under this layout they agree on one total and every number is there; else null.</summary>
    private byte[][]? InOrder(bool goldSource)
    {
        int total = goldSource ? _pieces[0][8] & 0x0F : _pieces[0][8];
        if (total == 0 || _pieces.Count < total)
        {
            return null;
        }

        byte[][] ordered = new byte[total][]; // null until its piece is found
        foreach (byte[] piece in _pieces)
        {
            (int pieceTotal, int number) = goldSource ? (piece[8] & 0x0F, piece[8] >> 4) : (piece[8], piece.Length >= SourceHeader ? piece[9] : total);
            if (pieceTotal != total || number >= total)
            {
                return null; // not this layout, or not consistent yet
            }

            ordered[number] ??= piece;
        }

        return Array.TrueForAll(ordered, piece => piece is not null) ? ordered : null;
    }

    /// <summary>The pieces' payloads end to end: the first from <paramref name="firstStart"/>, the others from <paramref name="start"/>.</summary>
    private static byte[] Join(byte[][] ordered, int firstStart, int start)
    {
        int length = ordered[0].Length - firstStart;
        for (int i = 1; i < ordered.Length; i++)
        {
            length += ordered[i].Length - start;
        }

        byte[] joined = new byte[length];
        ordered[0].AsSpan(firstStart).CopyTo(joined);
        int offset = ordered[0].Length - firstStart;
        for (int i = 1; i < ordered.Length; i++)
        {
            ordered[i].AsSpan(start).CopyTo(joined.AsSpan(offset));
            offset += ordered[i].Length - start;
        }

        return joined;
    }

    /// <summary>bzip2, bounded by the declared size and the absolute cap, checked against the declared CRC32.</summary>
    private byte[]? Inflate(byte[] compressed, int declared, uint crc, A2SLimits limits, out string? error)
    {
        if (declared <= 0 || declared > limits.MaxAnswerBytes)
        {
            error = $"split answer {Id} declares {declared} bytes once decompressed; at most {limits.MaxAnswerBytes} are accepted";
            return null;
        }

        byte[] inflated = new byte[declared];
        int read = 0;
        try
        {
            using var input = new BZip2InputStream(new MemoryStream(compressed, writable: false));
            while (read < declared)
            {
                int n = input.Read(inflated, read, declared - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read == declared && input.ReadByte() >= 0)
            {
                error = $"split answer {Id} decompresses to more than the {declared} bytes it declared";
                return null;
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or ICSharpCode.SharpZipLib.SharpZipBaseException)
        {
            error = $"split answer {Id} is not valid bzip2 ({e.Message})";
            return null;
        }

        if (read != declared)
        {
            error = $"split answer {Id} decompresses to {read} bytes, not the {declared} it declared";
            return null;
        }

        var check = new Crc32();
        check.Update(inflated);
        if ((uint)check.Value != crc)
        {
            error = $"split answer {Id} fails its CRC32 check (declared 0x{crc:X8}, computed 0x{(uint)check.Value:X8})";
            return null;
        }

        if (!StartsAsAnswer(inflated))
        {
            error = $"split answer {Id} decompresses to bytes that do not start with FF FF FF FF";
            return null;
        }

        error = null;
        return inflated;
    }

    private static bool StartsAsAnswer(ReadOnlySpan<byte> joined) => joined.Length >= 5 && BinaryPrimitives.ReadInt32LittleEndian(joined) == -1;
}
