using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using ICSharpCode.SharpZipLib.Checksum;
using RconTyped.Query;

namespace RconTyped.Testing;

/// <summary>
/// The emulated server's A2S side: one UDP socket at the RCON port, answering INFO, PLAYER and RULES from the console
/// (its map, roster and variables), with the challenge, split answers (optionally bzip2-compressed), the GoldSource
/// layouts and piece faults from <see cref="EmulatedQueryOptions"/>. Anything it does not understand it ignores, as srcds does.
/// </summary>
internal sealed class EmulatedQueryResponder : IDisposable
{
    private const string DefaultName = "RconTyped emulated server";
    private readonly Socket _socket;
    private readonly ServerConsole _console;
    private readonly EmulatedQueryOptions _options;
    private readonly int _challenge = RandomNumberGenerator.GetInt32(1, int.MaxValue);
    private readonly Task _loop;
    private int _nextSplitId;

    private EmulatedQueryResponder(Socket socket, ServerConsole console, EmulatedQueryOptions options)
    {
        _socket = socket;
        _console = console;
        _options = options;
        _loop = Task.Run(ReceiveLoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Binds UDP at <paramref name="port"/> on 127.0.0.1; null when that port is taken for UDP.</summary>
    public static EmulatedQueryResponder? TryStart(int port, ServerConsole console, EmulatedQueryOptions options)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }

        return new EmulatedQueryResponder(socket, console, options);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>The datagrams that answer <paramref name="request"/> (none for what is not a query).</summary>
    internal List<byte[]> Answer(ReadOnlySpan<byte> request)
    {
        if (!_options.Enabled || !TryReadRequest(request, out A2SQueryKind kind, out int challenge))
        {
            return [];
        }

        if (challenge != _challenge && (_options.RequireChallenge || kind != A2SQueryKind.Info))
        {
            var challengeAnswer = new AnswerWriter('A');
            challengeAnswer.Int32(_challenge);
            return [challengeAnswer.ToArray()];
        }

        byte[] answer = kind switch
        {
            A2SQueryKind.Info => _options.GoldSource ? GoldSourceInfo() : SourceInfo(),
            A2SQueryKind.Players => Players(),
            _ => Rules(),
        };

        return Split(answer);
    }

    internal static bool IsSecret(ConsoleVariable variable) =>
        variable.Name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || variable.Name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || variable.Flags.Any(flag => flag.Contains("prot", StringComparison.OrdinalIgnoreCase));

    private string Variable(string name, string fallback) => _console.TryGetVariable(name, out ConsoleVariable? variable) ? variable.Value : fallback;

    private byte MaxPlayers() => (byte)Math.Clamp(int.TryParse(Variable("maxplayers", "24"), out int max) ? max : 24, 0, 255);

    /// <summary>Reads a request as srcds does: its kind and the challenge it carries (-1 when none).</summary>
    private static bool TryReadRequest(ReadOnlySpan<byte> datagram, out A2SQueryKind kind, out int challenge)
    {
        ReadOnlySpan<byte> info = "TSource Engine Query\0"u8;
        kind = default;
        challenge = -1;
        if (datagram.Length < 5 || BinaryPrimitives.ReadInt32LittleEndian(datagram) != -1)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = datagram[4..];
        if (rest.StartsWith(info))
        {
            kind = A2SQueryKind.Info;
            ReadOnlySpan<byte> tail = rest[info.Length..];
            challenge = tail.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(tail) : -1;
            return true;
        }

        if (rest.Length >= 5 && (rest[0] == (byte)'U' || rest[0] == (byte)'V'))
        {
            kind = rest[0] == (byte)'U' ? A2SQueryKind.Players : A2SQueryKind.Rules;
            challenge = BinaryPrimitives.ReadInt32LittleEndian(rest[1..]);
            return true;
        }

        return false;
    }

    private async Task ReceiveLoopAsync()
    {
        byte[] buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                return; // the server stopped
            }

            try
            {
                if (_options.ResponseDelay > TimeSpan.Zero)
                {
                    await Task.Delay(_options.ResponseDelay).ConfigureAwait(false);
                }

                foreach (byte[] datagram in Answer(buffer.AsSpan(0, received.ReceivedBytes)))
                {
                    await _socket.SendToAsync(datagram, SocketFlags.None, received.RemoteEndPoint).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The client's address went away, or the server is stopping: the next datagram decides.
            }
        }
    }

    private byte[] SourceInfo()
    {
        var writer = new AnswerWriter('I');
        writer.Byte(17);
        writer.String(Variable("hostname", DefaultName));
        writer.String(_console.Map);
        writer.String("csgo");
        writer.String("Counter-Strike: Global Offensive");
        writer.UInt16(730);
        IReadOnlyList<EmulatedPlayer> players = _console.Players;
        writer.Byte((byte)Math.Min(players.Count, 255));
        writer.Byte(MaxPlayers());
        writer.Byte((byte)players.Count(p => p.IsBot));
        writer.Byte((byte)'d');
        writer.Byte((byte)'l');
        writer.Byte(0);
        writer.Byte(1);
        writer.String("1.38.7.9");
        writer.Byte(0x80 | 0x10 | 0x20 | 0x01);
        writer.UInt16((ushort)EndPoint.Port);
        writer.UInt64(90071996842377216UL);
        writer.String("emulated,secure");
        writer.UInt64(730);
        return writer.ToArray();
    }

    private byte[] GoldSourceInfo()
    {
        var writer = new AnswerWriter('m');
        writer.String(EndPoint.ToString());
        writer.String(Variable("hostname", DefaultName));
        writer.String(_console.Map);
        writer.String("cstrike");
        writer.String("Counter-Strike");
        IReadOnlyList<EmulatedPlayer> players = _console.Players;
        writer.Byte((byte)Math.Min(players.Count, 255));
        writer.Byte(MaxPlayers());
        writer.Byte(47);
        writer.Byte((byte)'D');
        writer.Byte((byte)'L');
        writer.Byte(0);
        writer.Byte(0); // not a mod
        writer.Byte(1);
        writer.Byte((byte)players.Count(p => p.IsBot));
        return writer.ToArray();
    }

    private byte[] Players()
    {
        var writer = new AnswerWriter('D');
        IReadOnlyList<EmulatedPlayer> players = _console.Players;
        writer.Byte((byte)players.Count); // wraps past 255, as Rust's does
        foreach (EmulatedPlayer player in players)
        {
            writer.Byte(0);
            writer.String(player.Name);
            writer.Int32(player.IsBot ? 0 : 3);
            writer.Single((float)player.Connected.TotalSeconds);
        }

        return writer.ToArray();
    }

    private byte[] Rules()
    {
        var rules = new List<KeyValuePair<string, string>>();
        foreach (ConsoleVariable variable in _console.Variables)
        {
            // srcds never answers a password or a secret in RULES; neither does the emulator.
            if (!IsSecret(variable))
            {
                rules.Add(new(variable.Name, variable.Value));
            }
        }

        rules.AddRange(_options.ExtraRules);
        var writer = new AnswerWriter('E');
        writer.UInt16((ushort)rules.Count);
        foreach ((string name, string value) in rules)
        {
            writer.String(name);
            writer.String(value);
        }

        return writer.ToArray();
    }

    /// <summary>One datagram when the answer fits; else split pieces in the Source or GoldSource form, with the faults asked for.</summary>
    private List<byte[]> Split(byte[] answer)
    {
        int max = Math.Max(64, _options.MaxPayload);
        if (answer.Length <= max)
        {
            return [answer];
        }

        int id = Interlocked.Increment(ref _nextSplitId) & 0x7FFFFFFF;
        byte[] payload = answer;
        bool compress = _options.Compress && !_options.GoldSource;
        if (compress)
        {
            using var compressed = new MemoryStream();
            using (var bzip = new BZip2OutputStream(compressed) { IsStreamOwner = false })
            {
                bzip.Write(answer);
            }

            payload = compressed.ToArray();
            id |= unchecked((int)0x80000000);
        }

        int pieceSize = _options.GoldSource ? Math.Max(max, (payload.Length + 14) / 15) : max; // GoldSource counts to 15
        int total = Math.Max(1, (payload.Length + pieceSize - 1) / pieceSize);
        var pieces = new List<byte[]>(total);
        Span<byte> header = stackalloc byte[20];
        for (int number = 0; number < total; number++)
        {
            ReadOnlySpan<byte> part = payload.AsSpan(number * pieceSize, Math.Min(pieceSize, payload.Length - (number * pieceSize)));
            using var piece = new MemoryStream();
            BinaryPrimitives.WriteInt32LittleEndian(header, -2);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], id);
            int headerLength;
            if (_options.GoldSource)
            {
                header[8] = (byte)((number << 4) | total);
                headerLength = 9;
            }
            else
            {
                header[8] = (byte)total;
                header[9] = (byte)number;
                BinaryPrimitives.WriteUInt16LittleEndian(header[10..], (ushort)max);
                headerLength = 12;
                if (compress && number == 0)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(header[12..], answer.Length);
                    var crc = new Crc32();
                    crc.Update(answer);
                    BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)crc.Value);
                    headerLength = 20;
                }
            }

            piece.Write(header[..headerLength]);
            piece.Write(part);
            if (_options.DropPiece != number)
            {
                pieces.Add(piece.ToArray());
                if (_options.DuplicatePieces)
                {
                    pieces.Add(piece.ToArray());
                }
            }
        }

        if (_options.ReversePieces)
        {
            pieces.Reverse();
        }

        return pieces;
    }

    /// <summary>Builds one answer: <c>FF FF FF FF</c>, the type byte, then little-endian fields and NUL-terminated UTF-8 strings.</summary>
    private sealed class AnswerWriter
    {
        private readonly MemoryStream _stream = new();
        private readonly BinaryWriter _writer;

        public AnswerWriter(char type)
        {
            _writer = new BinaryWriter(_stream); // little-endian on every platform
            Int32(-1);
            Byte((byte)type);
        }

        public void Byte(byte value) => _writer.Write(value);

        public void UInt16(ushort value) => _writer.Write(value);

        public void Int32(int value) => _writer.Write(value);

        public void UInt64(ulong value) => _writer.Write(value);

        public void Single(float value) => _writer.Write(value);

        public void String(string value)
        {
            _writer.Write(Encoding.UTF8.GetBytes(value));
            _writer.Write((byte)0);
        }

        public byte[] ToArray()
        {
            _writer.Flush();
            return _stream.ToArray();
        }
    }
}
