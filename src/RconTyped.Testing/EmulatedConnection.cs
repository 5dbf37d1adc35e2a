using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using RconTyped.Protocol;
using RconTyped.Schema;

namespace RconTyped.Testing;

/// <summary>One client connection of the emulated server: reads packets in order and answers each as srcds would.</summary>
internal sealed class EmulatedConnection
{
    private static readonly byte[] MirrorTrailer = [0x00, 0x01, 0x00, 0x00];

    private readonly EmulatedSourceServer _server;
    private readonly Stream _stream;
    private EmulatedGame? _game;
    private readonly IPAddress _address;
    private long _bytesSent;
    private int _packetsSent;
    private bool _authenticated;
    private int _mirrorsToSwallow;
    private readonly List<OutgoingPacket> _outbox = [];
    private readonly Queue<DateTime> _recentCommands = new();

    /// <summary>A connection over a stream: a TCP connection's, or one end of an in-memory pair.</summary>
    /// <param name="server">The server it belongs to.</param>
    /// <param name="stream">The connection's bytes; the connection disposes it when it ends.</param>
    /// <param name="address">The client's address, for bans.</param>
    public EmulatedConnection(EmulatedSourceServer server, Stream stream, IPAddress address)
    {
        _server = server;
        _stream = stream;
        _address = address.MapToIPv4();
    }

    private EmulatedServerOptions Options => _server.Options;

    private FaultInjection Faults => _server.Options.Faults;

    /// <summary>What the game of this mode does on the wire, looked up once per connection (the hot path allocates nothing for it).</summary>
    private EmulatedGame Game => _game ??= EmulatedGame.For(Options.Mode);

    // Squad's doubled mirror confirmation stays a mode check below; its chat and Rust's stray packets come from the game's behaviour.

    public void Abort() => _stream.Dispose();

    public async Task RunAsync(CancellationToken stopping)
    {
        PipeReader? reader = null;
        try
        {
            if (_server.IsBanned(_address))
            {
                // srcds refuses banned addresses: the connection is dropped before anything is said.
                return;
            }

            int maxRequest = Options.MaxRequestPacketLength ?? Game.MaxRequestPacketLength;
            reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
            while (true)
            {
                ReadResult result = await reader.ReadAsync(stopping).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                while (true)
                {
                    RconDecodeStatus status;
                    RconPacketHeader header;
                    ReadOnlySequence<byte> body;
                    SequencePosition end;
                    try
                    {
                        status = RconCodec.Decode(buffer, out header, out body, out end, maxRequest - RconCodec.SizeFieldLength);
                    }
                    catch (RconProtocolException e)
                    {
                        if (e.Violation == RconProtocolViolation.SizeTooLarge && Options.BanOnOversizedRequest)
                        {
                            _server.Ban(_address);
                        }

                        return;
                    }

                    if (status == RconDecodeStatus.NeedMoreData)
                    {
                        break;
                    }

                    byte[] bodyBytes = body.ToArray();
                    buffer = buffer.Slice(end);
                    if (Game.AnswersUnknownTypes && !buffer.IsEmpty)
                    {
                        // Minecraft reads one packet per read() and closes the connection when the sizes disagree.
                        return;
                    }

                    if (!await HandleAsync(header, bodyBytes, stopping).ConfigureAwait(false))
                    {
                        await FlushAsync(stopping).ConfigureAwait(false);
                        return;
                    }
                }

                // Answers go out once every request received so far is handled, as a busy server's do.
                if (!await FlushAsync(stopping).ConfigureAwait(false))
                {
                    return;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            // The loop ends here whatever ended it: the reader is completed (its buffers go back to the pool), then the stream closes.
            if (reader is not null)
            {
                await reader.CompleteAsync().ConfigureAwait(false);
            }

            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Answers one packet; false closes the connection.</summary>
    private async Task<bool> HandleAsync(RconPacketHeader header, byte[] body, CancellationToken stopping)
    {
        switch (header.Type.Value)
        {
            case 3:
                return await AuthenticateAsync(header.Id, body, stopping).ConfigureAwait(false);

            case 2:
                if (!_authenticated)
                {
                    Queue(-1, RconPacketType.AuthResponse, []);
                    return true;
                }

                return await ExecuteAsync(header.Id, body, stopping).ConfigureAwait(false);

            case not (2 or 3) when Game.AnswersUnknownTypes:
                Queue(header.Id, RconPacketType.ResponseValue, Options.Encoding.GetBytes($"Unknown request {header.Type.Value:x}"));
                return true;

            case 0 when Game.MirrorsEmptyPacket && _mirrorsToSwallow > 0:
                // The end marker of an unanswered command: the whole exchange stays silent.
                _mirrorsToSwallow--;
                return true;

            case 0 when Game.MirrorsEmptyPacket:
                // The mirror technique: echo the empty packet, then the 00 01 00 00 trailer, both with its id.
                Queue(header.Id, RconPacketType.ResponseValue, []);
                if (Options.Mode == EmulatedServerMode.Squad)
                {
                    Queue(header.Id, RconPacketType.ResponseValue, []); // Squad sends the confirmation twice
                }

                Queue(header.Id, RconPacketType.ResponseValue, MirrorTrailer);
                return true;

            default:
                // CS2 ignores the empty packet; unknown types are ignored by both.
                return true;
        }
    }

    private async Task<bool> AuthenticateAsync(int id, byte[] body, CancellationToken stopping)
    {
        string attempt = Options.Encoding.GetString(body);
        bool accepted = Options.Password.Length > 0 && attempt == Options.Password;
        if (Game.SendsEmptyBeforeAuthentication)
        {
            Queue(id, RconPacketType.ResponseValue, []);
        }

        Queue(accepted ? id : -1, RconPacketType.AuthResponse, []);

        // The failure is counted before the verdict goes out, so a client that has read it sees the ban in place.
        bool banned = !accepted && _server.RecordAuthFailure(_address);
        if (!await FlushAsync(stopping).ConfigureAwait(false))
        {
            return false;
        }

        if (!accepted)
        {
            // srcds closes the connection of an address it has just banned.
            return !banned;
        }

        _authenticated = true;
        return !Faults.CloseAfterAuthentication;
    }

    private async Task<bool> ExecuteAsync(int id, byte[] body, CancellationToken stopping)
    {
        string line = Options.Encoding.GetString(body);
        if (Game.Dialect.RateLimitAnswer is { } rateLimitAnswer && RateLimited())
        {
            Queue(id, RconPacketType.ResponseValue, Options.Encoding.GetBytes(rateLimitAnswer));
            return false;
        }

        if (Faults.ResponseDelay > TimeSpan.Zero)
        {
            if (!await FlushAsync(stopping).ConfigureAwait(false))
            {
                return false;
            }

            await Task.Delay(Faults.ResponseDelay, stopping).ConfigureAwait(false);
        }

        byte[]? bytes = Options.Responder is { } responder
            ? responder(line)
            : _server.Console.Execute(line) is { } output ? Options.Encoding.GetBytes(output) : null;
        string firstWord = ConsoleLine.SplitWords(line).FirstOrDefault() ?? string.Empty;
        if (bytes is null || Faults.UnansweredCommands.Contains(firstWord))
        {
            _mirrorsToSwallow++;
            return true;
        }

        if (Game.Dialect.EmptyAnswerText is { } emptyAnswer && bytes.Length == 0)
        {
            bytes = Options.Encoding.GetBytes(emptyAnswer + " \n"); // ARK pads its "no output" text
        }

        if (_server.Console.Behaviour.PacketBeforeAnswer(Options.Encoding) is { } before)
        {
            _outbox.Add(before);
        }

        if (Game.AnswersWithIdZero)
        {
            // Palworld's size field counts UTF-8 bytes but the bytes sent stop after as many as the text has UTF-16 units.
            int missing = bytes.Length - Options.Encoding.GetCharCount(bytes);
            _outbox.Add(new OutgoingPacket(0, RconPacketType.ResponseValue, bytes, Math.Min(missing, bytes.Length + 2)));
        }
        else if (Game.AnswersUnknownTypes)
        {
            // Minecraft splits the text every 4096 UTF-16 units (not bytes), so packets hold up to 4096 characters.
            string text = Options.Encoding.GetString(bytes);
            for (int offset = 0; offset < Math.Max(text.Length, 1); offset += 4096)
            {
                Queue(id, RconPacketType.ResponseValue, Options.Encoding.GetBytes(text.Substring(offset, Math.Min(4096, text.Length - offset))));
            }
        }
        else if (Game.MirrorsEmptyPacket && bytes.Length > Options.SplitSize)
        {
            for (int offset = 0; offset < bytes.Length; offset += Options.SplitSize)
            {
                Queue(id, RconPacketType.ResponseValue, bytes[offset..Math.Min(bytes.Length, offset + Options.SplitSize)]);
            }
        }
        else
        {
            Queue(id, RconPacketType.ResponseValue, bytes);
        }

        return true;
    }

    private void Queue(int id, RconPacketType type, byte[] body) => _outbox.Add(new OutgoingPacket(id, type, body));

    /// <summary>Conan Exiles' limit: more than RateLimit commands in the last 30 seconds.</summary>
    private bool RateLimited()
    {
        DateTime now = DateTime.UtcNow;
        while (_recentCommands.Count > 0 && now - _recentCommands.Peek() > TimeSpan.FromSeconds(30))
        {
            _recentCommands.Dequeue();
        }

        _recentCommands.Enqueue(now);
        return _recentCommands.Count > Options.RateLimit;
    }

    /// <summary>Writes the queued packets (coalesced, or fragmented when asked), honouring the drop faults; false when the connection must close.</summary>
    private async Task<bool> FlushAsync(CancellationToken stopping)
    {
        if (_outbox.Count == 0)
        {
            return true;
        }

        List<OutgoingPacket> packets = [.. _outbox];
        _outbox.Clear();
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
            while (Options.WritePerPacket && current < ends.Count && ends[current] <= start)
            {
                current++;
            }

            int end = Math.Min(start + fragment, limit);
            if (Options.WritePerPacket && current < ends.Count)
            {
                end = Math.Min(end, ends[current]);
            }

            await _stream.WriteAsync(buffer.AsMemory(start, end - start), stopping).ConfigureAwait(false);
            bool packetEnded = Options.WritePerPacket && current < ends.Count && end == ends[current];
            start = end;
            if (start < limit)
            {
                TimeSpan pause = packetEnded ? Options.PacketPause : Faults.FragmentDelay;
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
