using System.Net;
using System.Net.Sockets;
using RconTyped.Protocol;

namespace RconTyped.Tests;

/// <summary>A one-connection server on 127.0.0.1 that runs a script: for hostile and malformed behaviour the emulator does not offer.</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly Task _run;
    private Socket? _accepted;

    public ScriptedServer(Func<Socket, Task> script)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _run = Task.Run(async () =>
        {
            using Socket socket = await _listener.AcceptAsync();
            _accepted = socket;
            try
            {
                await script(socket);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        });
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Reads one whole packet from the socket (the client's requests are well formed).</summary>
    public static async Task<(RconPacketHeader Header, byte[] Body)> ReadPacketAsync(Socket socket)
    {
        byte[] sizeBytes = await ReadExactlyAsync(socket, 4);
        int size = BitConverter.ToInt32(sizeBytes);
        byte[] rest = await ReadExactlyAsync(socket, size);
        byte[] packet = [.. sizeBytes, .. rest];
        RconCodec.Decode(packet, out RconPacketHeader header, out ReadOnlySpan<byte> body, out _);
        return (header, body.ToArray());
    }

    public static byte[] Packet(int id, RconPacketType type, byte[] body)
    {
        var packet = new byte[RconCodec.GetPacketLength(body.Length)];
        RconCodec.Encode(packet, id, type, body);
        return packet;
    }

    /// <summary>Answers an AUTH the CS2 way (one AUTH_RESPONSE) and returns.</summary>
    public static async Task AcceptAuthAsync(Socket socket)
    {
        var (auth, _) = await ReadPacketAsync(socket);
        await socket.SendAsync(Packet(auth.Id, RconPacketType.AuthResponse, []));
    }

    /// <summary>
    /// Closes the listener and the connection, so a script still at work fails its next socket call; one still sleeping is
    /// not waited out (it ends by itself). A script that already ended is awaited, so its failures reach the test.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _accepted?.Dispose();
        if (await Task.WhenAny(_run, Task.Delay(TimeSpan.FromMilliseconds(200))) == _run)
        {
            await _run;
        }
    }

    private static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (n == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            read += n;
        }

        return buffer;
    }
}
