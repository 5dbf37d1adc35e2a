using System.Buffers.Binary;
using ICSharpCode.SharpZipLib.BZip2;
using ICSharpCode.SharpZipLib.Checksum;
using RconTyped.Query;

namespace RconTyped.Tests.Query;

/// <summary>Joining split answers: both layouts, any order, duplicates, compression, and every bound.</summary>
public sealed class A2SSplitAnswerTests
{
    private static readonly A2SLimits Limits = new(64 * 1024, 64);

    [Fact]
    public void Source_pieces_in_any_order_join_and_a_duplicate_is_dropped()
    {
        byte[] answer = Answer(3000);
        List<byte[]> pieces = SourcePieces(answer, id: 7, size: 1000);
        var split = new A2SSplitAnswer(7);

        Assert.Equal(A2SSplitStep.Incomplete, split.Add(pieces[2], Limits, null, out _, out _));
        Assert.Equal(A2SSplitStep.Duplicate, split.Add(pieces[2], Limits, null, out _, out _));
        Assert.Equal(A2SSplitStep.Incomplete, split.Add(pieces[0], Limits, null, out _, out _));
        Assert.Equal(A2SSplitStep.Complete, split.Add(pieces[1], Limits, null, out byte[]? joined, out _));
        Assert.Equal(answer, joined);
    }

    [Fact]
    public void GoldSource_pieces_join()
    {
        byte[] answer = Answer(2500);
        var pieces = new List<byte[]>();
        for (int n = 0; n < 3; n++)
        {
            byte[] part = answer.AsSpan(n * 1000, Math.Min(1000, answer.Length - (n * 1000))).ToArray();
            pieces.Add([.. Header(-2), .. Header(9), (byte)((n << 4) | 3), .. part]);
        }

        var split = new A2SSplitAnswer(9);
        split.Add(pieces[1], Limits, null, out _, out _);
        split.Add(pieces[2], Limits, null, out _, out _);

        Assert.Equal(A2SSplitStep.Complete, split.Add(pieces[0], Limits, null, out byte[]? joined, out _));
        Assert.Equal(answer, joined);
    }

    [Fact]
    public void A_compressed_answer_is_inflated_and_checked()
    {
        byte[] answer = Answer(5000);
        List<byte[]> pieces = CompressedPieces(answer, declared: answer.Length, crc: Crc(answer));
        var split = new A2SSplitAnswer(unchecked((int)0x80000005));
        A2SSplitStep step = A2SSplitStep.Incomplete;
        byte[]? joined = null;
        foreach (byte[] piece in pieces)
        {
            step = split.Add(piece, Limits, null, out joined, out _);
        }

        Assert.Equal(A2SSplitStep.Complete, step);
        Assert.Equal(answer, joined);
    }

    [Fact]
    public void A_CRC_mismatch_fails_the_answer_with_both_values()
    {
        byte[] answer = Answer(3000);
        List<byte[]> pieces = CompressedPieces(answer, declared: answer.Length, crc: Crc(answer) ^ 1);
        string? error = Feed(pieces, out A2SSplitStep step);

        Assert.Equal(A2SSplitStep.Failed, step);
        Assert.Contains("CRC32", error);
    }

    [Fact]
    public void A_bzip2_bomb_is_refused_before_it_is_inflated()
    {
        byte[] answer = Answer(3000);
        List<byte[]> pieces = CompressedPieces(answer, declared: 512 * 1024 * 1024, crc: Crc(answer));
        string? error = Feed(pieces, out A2SSplitStep step);

        Assert.Equal(A2SSplitStep.Failed, step);
        Assert.Contains("at most 65536", error);
    }

    [Fact]
    public void An_answer_that_inflates_past_its_declared_size_fails()
    {
        byte[] answer = Answer(3000);
        List<byte[]> pieces = CompressedPieces(answer, declared: 1000, crc: Crc(answer));
        string? error = Feed(pieces, out A2SSplitStep step);

        Assert.Equal(A2SSplitStep.Failed, step);
        Assert.Contains("more than the 1000 bytes", error);
    }

    [Fact]
    public void Garbage_that_claims_compression_fails_without_throwing()
    {
        byte[] piece = [.. Header(-2), .. Header(unchecked((int)0x80000001)), 1, 0, 0xE0, 0x04, .. Header(100), .. Header(0), 1, 2, 3, 4, 5];
        var split = new A2SSplitAnswer(unchecked((int)0x80000001));

        Assert.Equal(A2SSplitStep.Failed, split.Add(piece, Limits, A2SEngine.Source, out _, out string? error));
        Assert.Contains("bzip2", error);
    }

    [Fact]
    public void An_endless_stream_of_pieces_is_bounded()
    {
        var split = new A2SSplitAnswer(1);
        A2SSplitStep step = A2SSplitStep.Incomplete;
        string? error = null;
        for (int n = 0; n < 1000 && step != A2SSplitStep.Failed; n++)
        {
            // Claims 255 pieces, each different: never whole.
            step = split.Add([.. Header(-2), .. Header(1), 255, (byte)n, 0xE0, 0x04, .. Header(n)], Limits, null, out _, out error);
        }

        Assert.Equal(A2SSplitStep.Failed, step);
        Assert.Contains("bounds", error);
    }

    private static string? Feed(List<byte[]> pieces, out A2SSplitStep step)
    {
        var split = new A2SSplitAnswer(BinaryPrimitives.ReadInt32LittleEndian(pieces[0].AsSpan(4)));
        step = A2SSplitStep.Incomplete;
        string? error = null;
        foreach (byte[] piece in pieces)
        {
            step = split.Add(piece, Limits, A2SEngine.Source, out _, out error);
            if (step == A2SSplitStep.Failed)
            {
                break;
            }
        }

        return error;
    }

    /// <summary>A whole answer: FF FF FF FF 'E' then filler.</summary>
    private static byte[] Answer(int length)
    {
        byte[] answer = new byte[length];
        BinaryPrimitives.WriteInt32LittleEndian(answer, -1);
        answer[4] = (byte)'E';
        for (int i = 5; i < length; i++)
        {
            answer[i] = (byte)('a' + (i % 26));
        }

        return answer;
    }

    private static List<byte[]> SourcePieces(byte[] payload, int id, int size, byte[]? firstExtra = null)
    {
        int total = (payload.Length + size - 1) / size;
        var pieces = new List<byte[]>();
        for (int n = 0; n < total; n++)
        {
            byte[] part = payload.AsSpan(n * size, Math.Min(size, payload.Length - (n * size))).ToArray();
            pieces.Add([.. Header(-2), .. Header(id), (byte)total, (byte)n, 0xE0, 0x04, .. (n == 0 && firstExtra is not null ? firstExtra : []), .. part]);
        }

        return pieces;
    }

    private static List<byte[]> CompressedPieces(byte[] answer, int declared, uint crc)
    {
        using var compressed = new MemoryStream();
        using (var bzip = new BZip2OutputStream(compressed) { IsStreamOwner = false })
        {
            bzip.Write(answer);
        }

        byte[] extra = [.. Header(declared), .. Header((int)crc)];
        return SourcePieces(compressed.ToArray(), unchecked((int)0x80000005), 300, extra);
    }

    private static uint Crc(byte[] data)
    {
        var crc = new Crc32();
        crc.Update(data);
        return (uint)crc.Value;
    }

    private static byte[] Header(int value)
    {
        byte[] b = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        return b;
    }
}
