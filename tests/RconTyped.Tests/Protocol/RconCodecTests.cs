using System.Buffers;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Tests.Protocol;

public class RconCodecTests
{
    [Fact]
    public void Encode_matches_the_Valve_wiki_example_of_an_auth_packet()
    {
        // VDC "Source RCON Protocol": auth with password "passwrd", id 0.
        byte[] expected = [0x11, 0, 0, 0, 0, 0, 0, 0, 0x03, 0, 0, 0, .. "passwrd"u8, 0, 0];
        var buffer = new byte[64];

        int written = RconCodec.Encode(buffer, 0, RconPacketType.Auth, "passwrd", Encoding.ASCII);

        Assert.Equal(expected, buffer[..written]);
    }

    [Fact]
    public void Encode_of_text_and_of_bytes_give_the_same_packet()
    {
        var fromText = new byte[64];
        var fromBytes = new byte[64];
        int a = RconCodec.Encode(fromText, 7, RconPacketType.ExecCommand, "say héllo", Encoding.UTF8);
        int b = RconCodec.Encode(fromBytes, 7, RconPacketType.ExecCommand, Encoding.UTF8.GetBytes("say héllo"));

        Assert.Equal(fromBytes[..b], fromText[..a]);
        Assert.Equal(RconCodec.GetPacketLength(10), a);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(64)]
    public void TryReadHeader_reads_the_fields_of_an_unfinished_packet_once_its_12_bytes_are_there(int segmentLength)
    {
        byte[] packet = Packet(42, RconPacketType.ResponseValue, new byte[100]);

        Assert.False(RconCodec.TryReadHeader(TestSequence.Create(packet[..11], segmentLength), out _));
        Assert.True(RconCodec.TryReadHeader(TestSequence.Create(packet[..20], segmentLength), out RconPacketHeader header));
        Assert.Equal(new RconPacketHeader(110, 42, RconPacketType.ResponseValue), header);
        Assert.Equal(RconDecodeStatus.NeedMoreData, RconCodec.Decode(TestSequence.Create(packet[..20], segmentLength), out _, out _, out _));
    }

    [Fact]
    public void Encode_refuses_a_destination_that_is_too_short()
    {
        var buffer = new byte[15];
        var e = Assert.Throws<ArgumentException>(() => RconCodec.Encode(buffer, 1, RconPacketType.ExecCommand, "status"u8));
        Assert.Contains("20", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("status")]
    [InlineData("\0\u0001\0\0")]
    public void Span_round_trip_keeps_id_type_and_body(string body)
    {
        byte[] bodyBytes = Encoding.UTF8.GetBytes(body);
        var buffer = new byte[RconCodec.GetPacketLength(bodyBytes.Length) + 5];
        int written = RconCodec.Encode(buffer, -1, new RconPacketType(4), bodyBytes);

        RconDecodeStatus status = RconCodec.Decode(buffer, out RconPacketHeader header, out ReadOnlySpan<byte> decoded, out int consumed);

        Assert.Equal(RconDecodeStatus.Complete, status);
        Assert.Equal(written, consumed);
        Assert.Equal(-1, header.Id);
        Assert.Equal(4, header.Type.Value);
        Assert.Equal(bodyBytes, decoded.ToArray());
    }

    [Fact]
    public void Every_proper_prefix_of_a_packet_needs_more_data()
    {
        byte[] packet = Packet(3, RconPacketType.ResponseValue, "hello"u8.ToArray());
        for (int length = 0; length < packet.Length; length++)
        {
            Assert.Equal(RconDecodeStatus.NeedMoreData, RconCodec.Decode(packet.AsSpan(0, length), out _, out _, out int consumed));
            Assert.Equal(0, consumed);
            var sequence = new ReadOnlySequence<byte>(packet, 0, length);
            Assert.Equal(RconDecodeStatus.NeedMoreData, RconCodec.Decode(sequence, out _, out _, out SequencePosition end));
            Assert.Equal(sequence.Start, end);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(13)]
    [InlineData(17)]
    public void Sequence_decode_handles_packets_split_across_segments(int segmentLength)
    {
        byte[] first = Packet(11, RconPacketType.ResponseValue, Encoding.UTF8.GetBytes("first answer"));
        byte[] second = Packet(12, RconPacketType.AuthResponse, []);
        ReadOnlySequence<byte> sequence = TestSequence.Create([.. first, .. second], segmentLength);

        Assert.Equal(RconDecodeStatus.Complete, RconCodec.Decode(sequence, out RconPacketHeader header, out ReadOnlySequence<byte> body, out SequencePosition end));
        Assert.Equal(11, header.Id);
        Assert.Equal("first answer", Encoding.UTF8.GetString(body.ToArray()));

        sequence = sequence.Slice(end);
        Assert.Equal(RconDecodeStatus.Complete, RconCodec.Decode(sequence, out header, out body, out end));
        Assert.Equal(12, header.Id);
        Assert.Equal(RconPacketType.AuthResponse, header.Type);
        Assert.True(body.IsEmpty);
        Assert.True(sequence.Slice(end).IsEmpty);
    }

    [Theory]
    [InlineData(9, RconProtocolViolation.SizeTooSmall)]
    [InlineData(0, RconProtocolViolation.SizeTooSmall)]
    [InlineData(-1, RconProtocolViolation.SizeTooSmall)]
    [InlineData(int.MinValue, RconProtocolViolation.SizeTooSmall)]
    [InlineData(4097, RconProtocolViolation.SizeTooLarge)]
    [InlineData(int.MaxValue, RconProtocolViolation.SizeTooLarge)]
    public void A_bad_size_field_is_rejected_as_soon_as_it_arrives(int size, RconProtocolViolation violation)
    {
        byte[] sizeOnly = BitConverter.GetBytes(size);

        var e = Assert.Throws<RconProtocolException>(() => RconCodec.Decode(sizeOnly, out _, out _, out _, maxPacketSize: 4096));
        Assert.Equal(violation, e.Violation);
        Assert.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);

        var sequenceError = Assert.Throws<RconProtocolException>(() => RconCodec.Decode(TestSequence.Create(sizeOnly, 1), out _, out _, out _, maxPacketSize: 4096));
        Assert.Equal(violation, sequenceError.Violation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Missing_terminators_are_rejected(int segmentLength)
    {
        byte[] packet = Packet(5, RconPacketType.ResponseValue, "abc"u8.ToArray());
        packet[^1] = (byte)'x';

        var e = Assert.Throws<RconProtocolException>(() => RconCodec.Decode(packet, out _, out _, out _));
        Assert.Equal(RconProtocolViolation.MissingTerminator, e.Violation);
        var s = Assert.Throws<RconProtocolException>(() => RconCodec.Decode(TestSequence.Create(packet, segmentLength), out _, out _, out _));
        Assert.Equal(RconProtocolViolation.MissingTerminator, s.Violation);
    }

    [Fact]
    public void Encoding_and_decoding_a_packet_allocates_nothing()
    {
        var buffer = new byte[256];
        var sequence = new ReadOnlySequence<byte>(buffer);
        EncodeAndDecode(buffer, sequence);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int checksum = 0;
        for (int i = 0; i < 1000; i++)
        {
            checksum += EncodeAndDecode(buffer, sequence);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1000 * (42 + 42 + 6 + 6), checksum);
    }

    private static int EncodeAndDecode(byte[] buffer, ReadOnlySequence<byte> sequence)
    {
        RconCodec.Encode(buffer, 42, RconPacketType.ExecCommand, "status".AsSpan(), Encoding.UTF8);
        RconCodec.Decode(buffer, out RconPacketHeader header, out ReadOnlySpan<byte> body, out _);
        RconCodec.Decode(sequence, out RconPacketHeader fromSequence, out ReadOnlySequence<byte> sequenceBody, out _);
        return header.Id + fromSequence.Id + body.Length + (int)sequenceBody.Length;
    }

    private static byte[] Packet(int id, RconPacketType type, byte[] body)
    {
        var packet = new byte[RconCodec.GetPacketLength(body.Length)];
        RconCodec.Encode(packet, id, type, body);
        return packet;
    }
}
