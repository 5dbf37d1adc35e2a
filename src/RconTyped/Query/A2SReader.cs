using System.Buffers.Binary;
using System.Text;

namespace RconTyped.Query;

/// <summary>
/// Reads the little-endian fields of an A2S answer without throwing: a read past the end returns a default value and
/// sets <see cref="Overrun"/>, so a parser checks once where it matters and a short answer is never an exception.
/// </summary>
internal ref struct A2SReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public A2SReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        Overrun = false;
    }

    /// <summary>A read asked for more bytes than were left.</summary>
    public bool Overrun { get; private set; }

    public readonly int Remaining => _data.Length - _position;

    public readonly bool AtEnd => _position >= _data.Length;

    public byte ReadByte() => TryTake(1, out ReadOnlySpan<byte> bytes) ? bytes[0] : (byte)0;

    public short ReadInt16() => TryTake(2, out ReadOnlySpan<byte> bytes) ? BinaryPrimitives.ReadInt16LittleEndian(bytes) : (short)0;

    public ushort ReadUInt16() => TryTake(2, out ReadOnlySpan<byte> bytes) ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : (ushort)0;

    public int ReadInt32() => TryTake(4, out ReadOnlySpan<byte> bytes) ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : 0;

    public uint ReadUInt32() => TryTake(4, out ReadOnlySpan<byte> bytes) ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : 0;

    public ulong ReadUInt64() => TryTake(8, out ReadOnlySpan<byte> bytes) ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : 0;

    public float ReadSingle() => TryTake(4, out ReadOnlySpan<byte> bytes) ? BinaryPrimitives.ReadSingleLittleEndian(bytes) : 0f;

    /// <summary>A NUL-terminated string's bytes (without the NUL). An unterminated one runs to the end and sets <see cref="Overrun"/>.</summary>
    public ReadOnlySpan<byte> ReadStringBytes()
    {
        ReadOnlySpan<byte> rest = _data[Math.Min(_position, _data.Length)..];
        int end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            Overrun = true;
            _position = _data.Length;
            return rest;
        }

        _position += end + 1;
        return rest[..end];
    }

    /// <summary>A NUL-terminated string decoded as UTF-8; invalid bytes become U+FFFD (the bytes stay readable through <see cref="ReadStringBytes"/>).</summary>
    public string ReadString() => Decode(ReadStringBytes());

    public static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes); // Encoding.UTF8 replaces invalid bytes

    private bool TryTake(int count, out ReadOnlySpan<byte> bytes)
    {
        if (_data.Length - _position < count)
        {
            Overrun = true;
            _position = _data.Length;
            bytes = default;
            return false;
        }

        bytes = _data.Slice(_position, count);
        _position += count;
        return true;
    }
}
