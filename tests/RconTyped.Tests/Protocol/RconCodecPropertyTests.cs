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

    [Fact]
    public void Random_bytes_give_a_packet_need_more_data_or_a_protocol_exception_and_nothing_else()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[1, 16]).Sample((bytes, segment) =>
        {
            DecodeAll(bytes, span: true);
            DecodeAll(bytes, span: false, segment);
        }, iter: 20_000);
    }

    [Fact]
    public void Random_streams_of_valid_packets_with_garbage_spliced_in_never_crash()
    {
        Gen.Select(Gen.Byte.Array[0, 64].Array[1, 8], Gen.Byte.Array[1, 8], Gen.Int[0, 7]).Sample((bodies, garbage, at) =>
        {
            var stream = new List<byte>();
            for (int i = 0; i < bodies.Length; i++)
            {
                if (i == at % bodies.Length)
                {
                    stream.AddRange(garbage);
                }

                var packet = new byte[RconCodec.GetPacketLength(bodies[i].Length)];
                RconCodec.Encode(packet, i, RconPacketType.ResponseValue, bodies[i]);
                stream.AddRange(packet);
            }

            DecodeAll([.. stream], span: true);
        }, iter: 5000);
    }

    private static void DecodeAll(byte[] bytes, bool span, int segment = 1)
    {
        ReadOnlySequence<byte> sequence = TestSequence.Create(bytes, segment);
        int offset = 0;
        try
        {
            while (true)
            {
                RconDecodeStatus status;
                if (span)
                {
                    status = RconCodec.Decode(bytes.AsSpan(offset), out _, out _, out int consumed, maxPacketSize: 4096);
                    offset += consumed;
                }
                else
                {
                    status = RconCodec.Decode(sequence, out _, out _, out SequencePosition end, maxPacketSize: 4096);
                    sequence = sequence.Slice(end);
                }

                if (status == RconDecodeStatus.NeedMoreData)
                {
                    return;
                }
            }
        }
        catch (RconProtocolException)
        {
            // A clear refusal is an allowed answer; any other exception fails the property.
        }
    }
}
