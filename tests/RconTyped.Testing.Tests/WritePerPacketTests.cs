using System.Net;
using RconTyped.Protocol;

namespace RconTyped.Testing.Tests;

/// <summary><see cref="EmulatedServerOptions.WritePerPacket"/>: each packet in its own write, as real servers send them.</summary>
public class WritePerPacketTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Authentication_and_a_split_answer_go_out_one_packet_per_write_only_when_asked(bool perPacket)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { WritePerPacket = perPacket, PacketPause = TimeSpan.FromMilliseconds(1) });
        server.Console.AddCommand("big", _ => new string('x', 5000));
        var wire = new RecordingStream();
        server.Serve(wire.ServerSide, IPAddress.Loopback);

        await wire.SendAsync(Packet(1, RconPacketType.Auth, server.Password));
        await wire.WaitForBytesAsync(2 * RconCodec.Overhead);
        await wire.SendAsync([.. Packet(2, RconPacketType.ExecCommand, "big"), .. Packet(3, RconPacketType.ResponseValue, string.Empty)]);
        // 5000 bytes split at 4096, then the mirror and its 00 01 00 00 trailer.
        int answerBytes = (2 * RconCodec.Overhead) + 5000 + RconCodec.Overhead + RconCodec.Overhead + 4;
        await wire.WaitForBytesAsync((2 * RconCodec.Overhead) + answerBytes);

        int[] expected = perPacket
            ? [RconCodec.Overhead, RconCodec.Overhead, RconCodec.Overhead + 4096, RconCodec.Overhead + 904, RconCodec.Overhead, RconCodec.Overhead + 4]
            : [2 * RconCodec.Overhead, answerBytes];
        Assert.Equal(expected, wire.Writes);
    }

    private static byte[] Packet(int id, RconPacketType type, string body)
    {
        var packet = new byte[RconCodec.GetPacketLength(System.Text.Encoding.UTF8.GetByteCount(body))];
        RconCodec.Encode(packet, id, type, body.AsSpan(), System.Text.Encoding.UTF8);
        return packet;
    }

    /// <summary>The server's end of an in-memory connection that records the length of every write the server makes.</summary>
    private sealed class RecordingStream
    {
        private readonly System.IO.Pipelines.Pipe _toServer = new();
        private readonly System.IO.Pipelines.Pipe _fromServer = new(new System.IO.Pipelines.PipeOptions(pauseWriterThreshold: 0));
        private readonly List<int> _writes = [];
        private int _total;

        public RecordingStream() => ServerSide = new DuplexPipeStream(_toServer.Reader, _fromServer.Writer, Record);

        public Stream ServerSide { get; }

        public int[] Writes
        {
            get
            {
                lock (_writes)
                {
                    return [.. _writes];
                }
            }
        }

        public async Task SendAsync(byte[] bytes) => await _toServer.Writer.WriteAsync(bytes);

        public async Task WaitForBytesAsync(int total)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (Volatile.Read(ref _total) < total)
            {
                await Task.Delay(5, guard.Token);
            }
        }

        private void Record(int count)
        {
            lock (_writes)
            {
                _writes.Add(count);
            }

            Interlocked.Add(ref _total, count);
        }
    }
}
