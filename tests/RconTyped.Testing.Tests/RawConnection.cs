using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Testing.Tests;

/// <summary>A bare socket speaking packets, to check exactly what the emulator puts on the wire.</summary>
internal sealed class RawConnection : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly List<byte> _received = [];

    public static async Task<RawConnection> OpenAsync(IPEndPoint endPoint)
    {
        var connection = new RawConnection();
        await connection._socket.ConnectAsync(endPoint);
        return connection;
    }

    public Task SendAsync(int id, RconPacketType type, string body) => SendAsync(id, type, Encoding.UTF8.GetBytes(body));

    public async Task SendAsync(int id, RconPacketType type, byte[] body)
    {
        var packet = new byte[RconCodec.GetPacketLength(body.Length)];
        RconCodec.Encode(packet, id, type, body);
        await _socket.SendAsync(packet);
    }

    /// <summary>The next packet, or null when the server closed the connection first.</summary>
    public async Task<(int Id, int Type, byte[] Body)?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var chunk = new byte[65536];
        while (true)
        {
            byte[] buffered = [.. _received];
            if (RconCodec.Decode(buffered, out RconPacketHeader header, out ReadOnlySpan<byte> body, out int consumed, int.MaxValue) == RconDecodeStatus.Complete)
            {
                _received.RemoveRange(0, consumed);
                return (header.Id, header.Type.Value, body.ToArray());
            }

            int n;
            try
            {
                n = await _socket.ReceiveAsync(chunk, SocketFlags.None, cancel.Token);
            }
            catch (SocketException)
            {
                return null;
            }

            if (n == 0)
            {
                return null;
            }

            _received.AddRange(chunk.AsSpan(0, n).ToArray());
        }
    }

    /// <summary>
    /// Every byte that arrives, whole packets or not, until the server has been quiet for <paramref name="quiet"/> after
    /// its first bytes (which may take up to 10 s on a loaded machine).
    /// </summary>
    public async Task<byte[]> ReceiveUntilQuietAsync(TimeSpan quiet)
    {
        var chunk = new byte[65536];
        while (true)
        {
            using var cancel = new CancellationTokenSource(_received.Count == 0 ? TimeSpan.FromSeconds(10) : quiet);
            try
            {
                int n = await _socket.ReceiveAsync(chunk, SocketFlags.None, cancel.Token);
                if (n == 0)
                {
                    break;
                }

                _received.AddRange(chunk.AsSpan(0, n).ToArray());
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        byte[] all = [.. _received];
        _received.Clear();
        return all;
    }

    public async Task AuthenticateAsync(string password, bool expectEmptyFirst)
    {
        await SendAsync(1, RconPacketType.Auth, password);
        if (expectEmptyFirst)
        {
            await ReceiveAsync();
        }

        await ReceiveAsync();
    }

    public void Dispose() => _socket.Dispose();
}
