using System.Buffers;
using CsCheck;
using RconTyped.Protocol;

namespace RconTyped.Tests.Protocol;

/// <summary>Property tests (CsCheck): any packet round-trips, and no byte stream can make the decoder fail other than by saying why.</summary>
public class RconCodecPropertyTests
{
    [Fact]
    public void Any_packet_round_trips_through_span_and_any_segmentation()
    {
        Gen.Select(Gen.Int, Gen.Int, Gen.Byte.Array[0, 5000], Gen.Int[1, 64]).Sample((id, type, body, segment) =>
        {
            var packet = new byte[RconCodec.GetPacketLength(body.Length)];
            RconCodec.Encode(packet, id, new RconPacketType(type), body);

            Assert.Equal(RconDecodeStatus.Complete, RconCodec.Decode(packet, out RconPacketHeader header, out ReadOnlySpan<byte> decoded, out int consumed, maxPacketSize: 8192));
            Assert.Equal((id, type, packet.Length), (header.Id, header.Type.Value, consumed));
            Assert.True(decoded.SequenceEqual(body));

            ReadOnlySequence<byte> sequence = TestSequence.Create(packet, segment);
            Assert.Equal(RconDecodeStatus.Complete, RconCodec.Decode(sequence, out RconPacketHeader fromSequence, out ReadOnlySequence<byte> sequenceBody, out SequencePosition end, maxPacketSize: 8192));
            Assert.Equal(header, fromSequence);
            Assert.Equal(body, sequenceBody.ToArray());
            Assert.True(sequence.Slice(end).IsEmpty);
        }, iter: 2000);
    }

    /// <summary>
    /// Byte strings that look like packets, so the decoder gets past the size check: a plausible size field (sometimes
    /// too small or negative), an id, a type, a body whose length may not match the size, and terminators that may be
    /// wrong; several in a row, cut at any point.
    /// </summary>
    private static readonly Gen<byte[]> PacketLikeStreams =
        Gen.Select(Gen.Int[-20, 320], Gen.Int, Gen.Int[0, 4], Gen.Byte.Array[0, 300], Gen.Bool, Gen.Byte, Gen.Byte)
            .Select((size, id, type, body, zeroTerminators, first, second) =>
            {
                byte[] fields = new byte[12];
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(fields, size);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(fields.AsSpan(4), id);
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(fields.AsSpan(8), type);
                return (byte[])[.. fields, .. body, .. zeroTerminators ? new byte[2] : [first, second]];
            })
            .Array[1, 6]
            .Select(Gen.Double[0, 1], (chunks, cut) =>
            {
                byte[] all = [.. chunks.SelectMany(chunk => chunk)];
                return all[..(int)(all.Length * cut)];
            });

    [Fact]
    public void Random_bytes_give_packets_need_more_data_or_a_protocol_exception_the_same_from_spans_and_segments()
    {
        Gen.Select(Gen.OneOf(Gen.Byte.Array[0, 300], PacketLikeStreams), Gen.Int[1, 16]).Sample((bytes, segment) =>
        {
            Assert.Equal(DecodeAll(bytes, segment: null), DecodeAll(bytes, segment));
        }, iter: 20_000);
    }

    [Fact]
    public void Garbage_spliced_into_a_stream_never_crashes_and_never_alters_the_packets_before_it()
    {
        Gen.Select(Gen.Byte.Array[0, 64].Array[1, 8], Gen.Byte.Array[1, 8], Gen.Int[0, 7], Gen.Int[1, 16]).Sample((bodies, garbage, at, segment) =>
        {
            int garbageAt = at % bodies.Length;
            var stream = new List<byte>();
            var before = new List<string>();
            for (int i = 0; i < bodies.Length; i++)
            {
                if (i == garbageAt)
                {
                    stream.AddRange(garbage);
                }

                var packet = new byte[RconCodec.GetPacketLength(bodies[i].Length)];
                RconCodec.Encode(packet, i, RconPacketType.ResponseValue, bodies[i]);
                stream.AddRange(packet);
                if (i < garbageAt)
                {
                    before.Add(Describe(i, RconPacketType.ResponseValue, bodies[i]));
                }
            }

            List<string> outcomes = DecodeAll([.. stream], segment: null);
            Assert.Equal(before, outcomes.Take(before.Count));
            Assert.Equal(outcomes, DecodeAll([.. stream], segment));
        }, iter: 5000);
    }

    /// <summary>
    /// Decodes packets until the decoder needs more data or refuses, from one span (<paramref name="segment"/> null) or
    /// from a sequence cut into segments, and lists what happened. Any exception other than RconProtocolException fails.
    /// </summary>
    private static List<string> DecodeAll(byte[] bytes, int? segment)
    {
        var outcomes = new List<string>();
        ReadOnlySequence<byte> sequence = TestSequence.Create(bytes, segment ?? 1);
        int offset = 0;
        try
        {
            while (true)
            {
                RconDecodeStatus status;
                if (segment is null)
                {
                    status = RconCodec.Decode(bytes.AsSpan(offset), out RconPacketHeader header, out ReadOnlySpan<byte> body, out int consumed, maxPacketSize: 4096);
                    if (status == RconDecodeStatus.Complete)
                    {
                        Assert.True(consumed >= RconCodec.Overhead);
                        outcomes.Add(Describe(header.Id, header.Type, body.ToArray()));
                        offset += consumed;
                    }
                }
                else
                {
                    status = RconCodec.Decode(sequence, out RconPacketHeader header, out ReadOnlySequence<byte> body, out SequencePosition end, maxPacketSize: 4096);
                    if (status == RconDecodeStatus.Complete)
                    {
                        outcomes.Add(Describe(header.Id, header.Type, body.ToArray()));
                        sequence = sequence.Slice(end);
                    }
                }

                if (status == RconDecodeStatus.NeedMoreData)
                {
                    outcomes.Add("need more data");
                    return outcomes;
                }
            }
        }
        catch (RconProtocolException e)
        {
            // A clear refusal is an allowed answer; any other exception fails the property.
            outcomes.Add("refused: " + e.Violation);
            return outcomes;
        }
    }

    private static string Describe(int id, RconPacketType type, byte[] body) => $"packet {id} type {type.Value}: {Convert.ToHexString(body)}";
}
