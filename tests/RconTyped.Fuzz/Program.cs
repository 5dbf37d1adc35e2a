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
