using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.Protocol;

namespace RconTyped.Benchmarks;

/// <summary>
/// The floor: the fewest steps that do the same exchange as RconClient in the Source dialect (command, empty
/// marker, answer, mirror, trailer) on a bare socket, with no pipelining, routing or allocation beyond a buffer.
/// </summary>
internal sealed class RawSocketClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _send = new byte[2048];
    private readonly byte[] _receive = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _id;

    public async Task ConnectAsync(IPEndPoint endPoint, string password)
    {
        await _socket.ConnectAsync(endPoint);
        int length = RconCodec.Encode(_send, ++_id, RconPacketType.Auth, password.AsSpan(), Encoding.UTF8);
        await _socket.SendAsync(_send.AsMemory(0, length));
        await ReadPacketAsync(); // empty RESPONSE_VALUE
        await ReadPacketAsync(); // AUTH_RESPONSE
    }

    /// <summary>Runs one command and returns the answer's body length.</summary>
    public async Task<int> ExecuteAsync(string command)
    {
        int commandId = ++_id;
        int markerId = ++_id;
        int length = RconCodec.Encode(_send, commandId, RconPacketType.ExecCommand, command.AsSpan(), Encoding.UTF8);
        length += RconCodec.Encode(_send.AsSpan(length), markerId, RconPacketType.ResponseValue, ReadOnlySpan<byte>.Empty);
        await _socket.SendAsync(_send.AsMemory(0, length)); // both packets in one write, as RconClient does
        int body = 0;
        while (true)
        {
            (int id, int bodyLength) = await ReadPacketAsync();
            if (id == markerId)
            {
                await ReadPacketAsync(); // the 00 01 00 00 trailer
                return body;
            }

            body += bodyLength;
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task<(int Id, int BodyLength)> ReadPacketAsync()
    {
        while (true)
        {
            if (_end - _start >= 4)
            {
                int size = BinaryPrimitives.ReadInt32LittleEndian(_receive.AsSpan(_start));
                if (_end - _start >= size + 4)
                {
                    int id = BinaryPrimitives.ReadInt32LittleEndian(_receive.AsSpan(_start + 4));
                    _start += size + 4;
                    return (id, size - 10);
                }
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_receive, _start, _receive, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int n = await _socket.ReceiveAsync(_receive.AsMemory(_end), SocketFlags.None);
            if (n == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            _end += n;
        }
    }
}
