using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using RconTyped.Protocol;

namespace RconTyped.Benchmarks;

/// <summary>One packet through the codec: encode a command, decode it from a span and from a sequence.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly byte[] _buffer = new byte[4096 + RconCodec.Overhead];
    private readonly Encoding _utf8 = new UTF8Encoding(false);
    private ReadOnlySequence<byte> _sequence;
    private int _length;

    [Params(6, 4096)]
    public int BodyLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _length = RconCodec.Encode(_buffer, 1, RconPacketType.ResponseValue, new string('x', BodyLength).AsSpan(), _utf8);
        _sequence = new ReadOnlySequence<byte>(_buffer, 0, _length);
    }

    [Benchmark]
    public int Encode() => RconCodec.Encode(_buffer, 7, RconPacketType.ExecCommand, "status".AsSpan(), _utf8);

    [Benchmark]
    public int DecodeSpan()
    {
        RconCodec.Decode(_buffer.AsSpan(0, _length), out RconPacketHeader header, out ReadOnlySpan<byte> body, out _);
        return header.Id + body.Length;
    }

    [Benchmark]
    public long DecodeSequence()
    {
        RconCodec.Decode(_sequence, out RconPacketHeader header, out ReadOnlySequence<byte> body, out _);
        return header.Id + body.Length;
    }
}
