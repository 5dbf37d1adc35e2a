using System.Net;
using System.Net.Sockets;
using RconTyped.Protocol;

namespace RconTyped.Tests.Client;

public class PacketWriterTests
{
    [Fact]
    public async Task Packets_queued_from_many_threads_arrive_whole_and_each_exactly_once()
    {
        (Socket client, Socket peer) = await PairAsync();
        using (client)
        using (peer)
        {
            var writer = new PacketWriter(new NetworkStream(client), e => throw new InvalidOperationException("no failure expected", e));
            const int Count = 2000;
            Parallel.For(0, Count, i =>
            {
                byte[] body = new byte[i % 50];
                Array.Fill(body, (byte)'a');
                var packet = new byte[RconCodec.GetPacketLength(body.Length)];
                RconCodec.Encode(packet, i + 1, RconPacketType.ExecCommand, body);
                Assert.True(writer.Enqueue(packet));
            });
            await writer.EnqueueAndWaitAsync(Packet(Count + 1)).WaitAsync(Connect.Guard);

            // Every packet decodes from the byte stream: none was split by another's bytes, none was lost or doubled.
            var seen = new HashSet<int>();
            var received = new List<byte>();
            var chunk = new byte[65536];
            while (!seen.Contains(Count + 1))
            {
                int n = await peer.ReceiveAsync(chunk, SocketFlags.None).WaitAsync(Connect.Guard);
                received.AddRange(chunk.AsSpan(0, n).ToArray());
                byte[] buffer = [.. received];
                int offset = 0;
                while (RconCodec.Decode(buffer.AsSpan(offset), out RconPacketHeader header, out ReadOnlySpan<byte> body, out int consumed) == RconDecodeStatus.Complete)
                {
                    Assert.True(seen.Add(header.Id), $"packet {header.Id} arrived twice");
                    Assert.Equal(header.Id <= Count ? (header.Id - 1) % 50 : 0, body.Length);
                    offset += consumed;
                }

                received.RemoveRange(0, offset);
            }

            Assert.Equal(Count + 1, seen.Count);
        }
    }

    [Fact]
    public async Task A_failed_write_is_reported_once_and_every_later_write_fails_at_once()
    {
        (Socket client, Socket peer) = await PairAsync();
        using (peer)
        {
            int failures = 0;
            var writer = new PacketWriter(new NetworkStream(client), _ => Interlocked.Increment(ref failures));
            client.Dispose();

            var first = await Assert.ThrowsAsync<RconConnectionException>(() => writer.EnqueueAndWaitAsync(Packet(1)).WaitAsync(Connect.Guard));
            Assert.Contains("Sending to the server failed", first.Message, StringComparison.Ordinal);

            Assert.False(writer.Enqueue(Packet(2)));
            await Assert.ThrowsAsync<RconConnectionException>(() => writer.EnqueueAndWaitAsync(Packet(3)).WaitAsync(Connect.Guard));
            Assert.Equal(1, failures);
        }
    }

    private static byte[] Packet(int id)
    {
        var packet = new byte[RconCodec.GetPacketLength(0)];
        RconCodec.Encode(packet, id, RconPacketType.ExecCommand, ReadOnlySpan<byte>.Empty);
        return packet;
    }

    private static async Task<(Socket Client, Socket Peer)> PairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Task<Socket> accepted = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        return (client, await accepted);
    }
}
