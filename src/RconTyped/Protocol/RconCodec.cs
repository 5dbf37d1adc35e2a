using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Runtime.CompilerServices;

namespace RconTyped.Protocol;

/// <summary>
/// Encodes and decodes single RCON packets without allocating:
/// <c>int32 size | int32 id | int32 type | body | 0x00 | 0x00</c>, all little-endian,
/// where size counts every byte after the size field.
/// </summary>
public static class RconCodec
{
    /// <summary>Bytes taken by the size field itself.</summary>
    public const int SizeFieldLength = 4;

    /// <summary>Bytes before the body: size, id and type.</summary>
    public const int HeaderLength = 12;

    /// <summary>The smallest legal size field: id, type and the two terminators, with an empty body.</summary>
    public const int MinimumSizeField = 10;

    /// <summary>Bytes a packet takes on the wire beyond its body.</summary>
    public const int Overhead = HeaderLength + 2;

    /// <summary>The default limit on the size field of an inbound packet: 4 MiB, enough for CS2's single-packet answers.</summary>
    public const int DefaultMaxPacketSize = 4 * 1024 * 1024;

    /// <summary>The length on the wire of a packet whose body is <paramref name="bodyLength"/> bytes.</summary>
    public static int GetPacketLength(int bodyLength) => bodyLength + Overhead;

    /// <summary>Writes one packet into <paramref name="destination"/> and returns the bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(Span<byte> destination, int id, RconPacketType type, ReadOnlySpan<byte> body)
    {
        int length = GetPacketLength(body.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the packet needs {length}.", nameof(destination));
        }

        WriteHeader(destination, body.Length, id, type);
        body.CopyTo(destination.Slice(HeaderLength));
        destination[HeaderLength + body.Length] = 0;
        destination[HeaderLength + body.Length + 1] = 0;
        return length;
    }

    /// <summary>
    /// Writes one packet whose body is <paramref name="body"/> encoded with <paramref name="encoding"/>
    /// straight into <paramref name="destination"/>, and returns the bytes written.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(Span<byte> destination, int id, RconPacketType type, ReadOnlySpan<char> body, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return Encode(destination, id, type, body, encoding, encoding.GetByteCount(body));
    }

    /// <summary>As <see cref="Encode(Span{byte}, int, RconPacketType, ReadOnlySpan{char}, Encoding)"/>, with the body's encoded length already measured (the client measures every command once, to check it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Encode(Span<byte> destination, int id, RconPacketType type, ReadOnlySpan<char> body, Encoding encoding, int bodyLength)
    {
        int length = GetPacketLength(bodyLength);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the packet needs {length}.", nameof(destination));
        }

        WriteHeader(destination, bodyLength, id, type);
        encoding.GetBytes(body, destination.Slice(HeaderLength, bodyLength));
        destination[HeaderLength + bodyLength] = 0;
        destination[HeaderLength + bodyLength + 1] = 0;
        return length;
    }

    /// <summary>Decodes the packet at the start of <paramref name="source"/>, if it is all there.</summary>
    /// <param name="source">Bytes received so far.</param>
    /// <param name="header">The packet's header, when <see cref="RconDecodeStatus.Complete"/>.</param>
    /// <param name="body">The body (without terminators), a slice of <paramref name="source"/>.</param>
    /// <param name="bytesConsumed">The packet's length on the wire, when complete; otherwise 0.</param>
    /// <param name="maxPacketSize">The largest size field accepted; a larger one is rejected before its bytes arrive.</param>
    /// <exception cref="RconProtocolException">The bytes break a framing rule; the stream cannot be trusted after this.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RconDecodeStatus Decode(
        ReadOnlySpan<byte> source,
        out RconPacketHeader header,
        out ReadOnlySpan<byte> body,
        out int bytesConsumed,
        int maxPacketSize = DefaultMaxPacketSize)
    {
        header = default;
        body = default;
        bytesConsumed = 0;
        if (source.Length < SizeFieldLength)
        {
            return RconDecodeStatus.NeedMoreData;
        }

        int size = BinaryPrimitives.ReadInt32LittleEndian(source);
        ValidateSize(size, maxPacketSize);
        int length = size + SizeFieldLength;
        if (source.Length < length)
        {
            return RconDecodeStatus.NeedMoreData;
        }

        ValidateTerminators(source[length - 2], source[length - 1]);
        header = new RconPacketHeader(
            size,
            BinaryPrimitives.ReadInt32LittleEndian(source.Slice(4)),
            new RconPacketType(BinaryPrimitives.ReadInt32LittleEndian(source.Slice(8))));
        body = source.Slice(HeaderLength, size - MinimumSizeField);
        bytesConsumed = length;
        return RconDecodeStatus.Complete;
    }

    /// <summary>Decodes the packet at the start of <paramref name="source"/>, a buffer of a <see cref="System.IO.Pipelines.PipeReader"/>, if it is all there.</summary>
    /// <param name="source">Bytes received so far, possibly in several segments.</param>
    /// <param name="header">The packet's header, when <see cref="RconDecodeStatus.Complete"/>.</param>
    /// <param name="body">The body (without terminators), a slice of <paramref name="source"/>.</param>
    /// <param name="end">The position just after the packet, when complete; otherwise <paramref name="source"/>'s start.</param>
    /// <param name="maxPacketSize">The largest size field accepted; a larger one is rejected before its bytes arrive.</param>
    /// <exception cref="RconProtocolException">The bytes break a framing rule; the stream cannot be trusted after this.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RconDecodeStatus Decode(
        in ReadOnlySequence<byte> source,
        out RconPacketHeader header,
        out ReadOnlySequence<byte> body,
        out SequencePosition end,
        int maxPacketSize = DefaultMaxPacketSize)
    {
        header = default;
        body = default;
        end = source.Start;
        if (source.IsSingleSegment)
        {
            ReadOnlySpan<byte> span = source.FirstSpan;
            RconDecodeStatus status = Decode(span, out header, out _, out int consumed, maxPacketSize);
            if (status == RconDecodeStatus.Complete)
            {
                body = source.Slice(HeaderLength, header.BodyLength);
                end = source.GetPosition(consumed);
            }

            return status;
        }

        if (source.Length < SizeFieldLength)
        {
            return RconDecodeStatus.NeedMoreData;
        }

        Span<byte> fields = stackalloc byte[HeaderLength];
        var reader = new SequenceReader<byte>(source);
        reader.TryReadLittleEndian(out int size);
        ValidateSize(size, maxPacketSize);
        long length = (long)size + SizeFieldLength;
        if (source.Length < length)
        {
            return RconDecodeStatus.NeedMoreData;
        }

        source.Slice(0, HeaderLength).CopyTo(fields);
        Span<byte> terminators = stackalloc byte[2];
        source.Slice(length - 2, 2).CopyTo(terminators);
        ValidateTerminators(terminators[0], terminators[1]);
        header = new RconPacketHeader(
            size,
            BinaryPrimitives.ReadInt32LittleEndian(fields.Slice(4)),
            new RconPacketType(BinaryPrimitives.ReadInt32LittleEndian(fields.Slice(8))));
        body = source.Slice(HeaderLength, size - MinimumSizeField);
        end = source.GetPosition(length);
        return RconDecodeStatus.Complete;
    }

    /// <summary>
    /// Reads the three header fields at the start of <paramref name="source"/> once their 12 bytes have arrived, whether or
    /// not the rest of the packet has. Used to inspect a packet that stops short of its size field; the size is not validated.
    /// </summary>
    /// <returns>False while fewer than 12 bytes are there.</returns>
    public static bool TryReadHeader(in ReadOnlySequence<byte> source, out RconPacketHeader header)
    {
        header = default;
        if (source.Length < HeaderLength)
        {
            return false;
        }

        Span<byte> fields = stackalloc byte[HeaderLength];
        source.Slice(0, HeaderLength).CopyTo(fields);
        header = new RconPacketHeader(
            BinaryPrimitives.ReadInt32LittleEndian(fields),
            BinaryPrimitives.ReadInt32LittleEndian(fields.Slice(4)),
            new RconPacketType(BinaryPrimitives.ReadInt32LittleEndian(fields.Slice(8))));
        return true;
    }

    private static void WriteHeader(Span<byte> destination, int bodyLength, int id, RconPacketType type)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, bodyLength + MinimumSizeField);
        BinaryPrimitives.WriteInt32LittleEndian(destination.Slice(4), id);
        BinaryPrimitives.WriteInt32LittleEndian(destination.Slice(8), type.Value);
    }

    private static void ValidateSize(int size, int maxPacketSize)
    {
        if (size < MinimumSizeField)
        {
            throw new RconProtocolException(
                RconProtocolViolation.SizeTooSmall,
                $"Malformed RCON packet: the size field is {size}, below the minimum of {MinimumSizeField} (id, type and two terminators).");
        }

        if (size > maxPacketSize)
        {
            throw new RconProtocolException(
                RconProtocolViolation.SizeTooLarge,
                $"Malformed RCON packet: the size field is {size}, above the limit of {maxPacketSize} bytes. If the server really sends packets this large, raise RconClientOptions.MaxPacketSize.");
        }
    }

    private static void ValidateTerminators(byte first, byte second)
    {
        if (first != 0 || second != 0)
        {
            throw new RconProtocolException(
                RconProtocolViolation.MissingTerminator,
                $"Malformed RCON packet: it must end with two 0x00 bytes, but ends with 0x{first:X2} 0x{second:X2}; the size field does not match the bytes sent.");
        }
    }
}
