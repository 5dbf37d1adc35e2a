using System.Net;
using System.Net.Sockets;

namespace RconTyped.Tests;

/// <summary>
/// A UDP server on loopback that answers its requests from a script: the n-th request gets the n-th list of datagrams,
/// from its own port or (to play a spoofer) from another. For what the emulator does not offer.
/// </summary>
internal sealed class ScriptedUdpServer : IDisposable
{
    private readonly Socket _socket;
    private readonly Socket? _replyFrom;

    public ScriptedUdpServer(byte[][][] answers, AddressFamily family = AddressFamily.InterNetwork, bool replyFromAnotherPort = false)
    {
        IPAddress loopback = family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        _socket = Bound(loopback);
        _replyFrom = replyFromAnotherPort ? Bound(loopback) : null;
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        Completion = Task.Run(async () =>
        {
            byte[] buffer = new byte[1500];
            foreach (byte[][] answer in answers)
            {
                SocketReceiveFromResult request = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
                Requests.Add(buffer[..request.ReceivedBytes]);
                foreach (byte[] datagram in answer)
                {
                    await (_replyFrom ?? _socket).SendToAsync(datagram, SocketFlags.None, request.RemoteEndPoint);
                }
            }
        });
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The requests received, in order (read once <see cref="Completion"/> is done).</summary>
    public List<byte[]> Requests { get; } = [];

    /// <summary>Done when every answer of the script was sent.</summary>
    public Task Completion { get; }

    public void Dispose()
    {
        _socket.Dispose();
        _replyFrom?.Dispose();
    }

    private static Socket Bound(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }
}
