using System.Buffers;

namespace RconTyped.Tests;

/// <summary>Builds a <see cref="ReadOnlySequence{T}"/> of many segments, as a PipeReader hands them out.</summary>
internal static class TestSequence
{
    public static ReadOnlySequence<byte> Create(byte[] data, int segmentLength)
    {
        if (data.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        Segment first = new(data.AsMemory(0, Math.Min(segmentLength, data.Length)), 0);
        Segment last = first;
        for (int offset = segmentLength; offset < data.Length; offset += segmentLength)
        {
            last = last.Append(data.AsMemory(offset, Math.Min(segmentLength, data.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
