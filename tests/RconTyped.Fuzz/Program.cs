using System.Buffers;
using RconTyped;
using RconTyped.Protocol;
using SharpFuzz;

// Fuzz target for the packet decoder (docs/fuzzing.md): any input must decode to packets, need more data, or
// RconProtocolException. Anything else (an IndexOutOfRangeException, an endless loop) is a bug the fuzzer reports.
if (args.Length > 0 && args[0] == "--replay")
{
    // Runs one input file through the target without the fuzzer: for reproducing a crash the fuzzer saved.
    DecodeAll(File.ReadAllBytes(args[1]));
    Console.WriteLine("no crash");
    return;
}

if (args.Length > 0 && args[0] == "--write-seeds")
{
    // A starting corpus: whole packets, a stream of several, a packet cut short, a size field past the limit, text.
    Directory.CreateDirectory(args[1]);
    byte[] auth = Packet(1, RconPacketType.Auth, "password"u8);
    byte[] answer = Packet(7, RconPacketType.ResponseValue, "\"sv_gravity\" = \"800\""u8);
    byte[] empty = Packet(8, RconPacketType.ResponseValue, []);
    byte[] trailer = Packet(8, RconPacketType.ResponseValue, [0, 1, 0, 0]);
    File.WriteAllBytes(Path.Combine(args[1], "auth"), [0, .. auth]);
    File.WriteAllBytes(Path.Combine(args[1], "mirror-stream"), [3, .. answer, .. empty, .. trailer]);
    File.WriteAllBytes(Path.Combine(args[1], "cut-short"), [5, .. answer[..^6]]);
    File.WriteAllBytes(Path.Combine(args[1], "huge-size"), [1, 0xFF, 0xFF, 0xFF, 0x7F, 1, 0, 0, 0, 0, 0, 0, 0]);
    File.WriteAllBytes(Path.Combine(args[1], "http"), [.. "\u0000HTTP/1.1 400 Bad Request\r\n\r\n"u8]);
    return;
}

if (args.Length > 0 && args[0] == "--afl")
{
    // AFL++ (afl-fuzz from Debian's afl++ package) runs this process and feeds inputs through stdin.
    Fuzzer.Run(stream =>
    {
        using var input = new MemoryStream();
        stream.CopyTo(input);
        DecodeAll(input.ToArray());
    });
    return;
}

Fuzzer.LibFuzzer.Run(span => DecodeAll(span.ToArray()));

static void DecodeAll(byte[] input)
{
    try
    {
        // The first byte picks how the stream is cut, so segmented decoding is fuzzed too.
        int segment = input.Length == 0 ? 1 : (input[0] % 16) + 1;
        ReadOnlySequence<byte> sequence = RconTyped.Tests.TestSequence.Create(input, segment);
        ReadOnlySpan<byte> span = input;
        while (RconCodec.Decode(span, out _, out _, out int consumed, maxPacketSize: 8192) == RconDecodeStatus.Complete)
        {
            span = span[consumed..];
        }

        while (RconCodec.Decode(sequence, out _, out _, out SequencePosition end, maxPacketSize: 8192) == RconDecodeStatus.Complete)
        {
            sequence = sequence.Slice(end);
        }
    }
    catch (RconProtocolException)
    {
        // Malformed input, refused clearly: the expected outcome.
    }
}

static byte[] Packet(int id, RconPacketType type, ReadOnlySpan<byte> body)
{
    byte[] packet = new byte[RconCodec.GetPacketLength(body.Length)];
    RconCodec.Encode(packet, id, type, body);
    return packet;
}
