using RconTyped.Protocol;

namespace RconTyped.Testing;

/// <summary>
/// Writes a connection's queued packets: coalesced in one write (or one write per packet, as real servers do, or in
/// fragments when a fault asks for them), honouring the drop faults.
/// </summary>
internal sealed class EmulatedPacketWriter(Stream stream, EmulatedServerOptions options)
{
    private long _bytesSent;
    private int _packetsSent;

    private FaultInjection Faults => options.Faults;

    /// <summary>Writes and clears <paramref name="outbox"/>; false when a drop fault says the connection must close.</summary>
    public async ValueTask<bool> FlushAsync(List<OutgoingPacket> outbox, CancellationToken stopping)
    {
        if (outbox.Count == 0)
        {
            return true;
        }

        List<OutgoingPacket> packets = [.. outbox];
        outbox.Clear();
        byte[] buffer = new byte[packets.Sum(p => RconCodec.GetPacketLength(p.Body.Length))];
        var ends = new List<int>(packets.Count);
        int offset = 0;
        foreach (OutgoingPacket packet in packets)
        {
            // A packet's missing tail is overwritten by the next packet, or left unsent after the last.
            offset += RconCodec.Encode(buffer.AsSpan(offset), packet.Id, packet.Type, packet.Body) - packet.MissingBytes;
            ends.Add(offset);
        }

        int limit = offset;
        bool keepOpen = true;
        if (Faults.DropAfterPackets is int maxPackets && _packetsSent + packets.Count > maxPackets)
        {
            int allowed = Math.Max(0, maxPackets - _packetsSent);
            limit = allowed == 0 ? 0 : ends[allowed - 1];
            keepOpen = false;
        }

        if (Faults.DropAfterBytes is long maxBytes && _bytesSent + limit > maxBytes)
        {
            limit = (int)Math.Max(0, maxBytes - _bytesSent);
            keepOpen = false;
        }

        // One write for everything, unless fragments (a fault) or one write per packet (like real servers) are asked for.
        int fragment = Faults.FragmentSize is int size and > 0 ? size : Math.Max(limit, 1);
        int current = 0;
        for (int start = 0; start < limit;)
        {
            while (options.WritePerPacket && current < ends.Count && ends[current] <= start)
            {
                current++;
            }

            int end = Math.Min(start + fragment, limit);
            if (options.WritePerPacket && current < ends.Count)
            {
                end = Math.Min(end, ends[current]);
            }

            await stream.WriteAsync(buffer.AsMemory(start, end - start), stopping).ConfigureAwait(false);
            bool packetEnded = options.WritePerPacket && current < ends.Count && end == ends[current];
            start = end;
            if (start < limit)
            {
                TimeSpan pause = packetEnded ? options.PacketPause : Faults.FragmentDelay;
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, stopping).ConfigureAwait(false);
                }
            }
        }

        _bytesSent += limit;
        _packetsSent += ends.Count(e => e <= limit);
        return keepOpen;
    }
}
