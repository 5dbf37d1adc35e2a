using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RconTyped.Testing;

/// <summary>
/// The emulated server's log, as srcds sends it: after <c>logaddress_add IP:PORT</c> and <c>log on</c>, every line goes to
/// each address as a UDP datagram, <c>FF FF FF FF 'R' "L MM/dd/yyyy - HH:mm:ss: line\n\0"</c>, or signed
/// (<c>'S'</c> and the secret) when the <c>sv_logsecret</c> cvar is set. Sends from 127.0.0.1 only.
/// </summary>
public sealed class ServerLog : IDisposable
{
    private readonly object _gate = new();
    private readonly List<IPEndPoint> _addresses = [];
    private readonly Func<string?> _secret;
    private UdpClient? _socket;

    internal ServerLog(Func<string?> secret) => _secret = secret;

    /// <summary>Whether <c>log on</c> was given.</summary>
    public bool Enabled { get; internal set; }

    /// <summary>The addresses added with <c>logaddress_add</c>.</summary>
    public IReadOnlyList<IPEndPoint> Addresses
    {
        get
        {
            lock (_gate)
            {
                return [.. _addresses];
            }
        }
    }

    /// <summary>How many lines were sent (to any address) so far.</summary>
    public long LinesSent { get; private set; }

    /// <summary>Writes a line (without the <c>L</c> timestamp, which is added) to every address, when logging is on.</summary>
    public void Write(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            if (!Enabled || _addresses.Count == 0)
            {
                return;
            }

            string secret = _secret() is { Length: > 0 } value && value != "0" ? value : string.Empty;
            string text = string.Create(CultureInfo.InvariantCulture, $"L {DateTime.Now:MM/dd/yyyy - HH:mm:ss}: {line}\n");
            byte[] datagram = [0xFF, 0xFF, 0xFF, 0xFF, (byte)(secret.Length > 0 ? 'S' : 'R'), .. Encoding.ASCII.GetBytes(secret), .. Encoding.UTF8.GetBytes(text), 0];
            _socket ??= new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            foreach (IPEndPoint address in _addresses)
            {
                try
                {
                    _socket.Send(datagram, datagram.Length, address);
                }
                catch (SocketException)
                {
                    // Nobody listening (an ICMP error): a real server does not care either.
                }
            }

            LinesSent++;
        }
    }

    internal string Add(string address)
    {
        if (!IPEndPoint.TryParse(address, out IPEndPoint? endPoint) || endPoint.Port == 0)
        {
            return $"logaddress_add:  unable to resolve {address}\n";
        }

        lock (_gate)
        {
            if (!_addresses.Contains(endPoint))
            {
                _addresses.Add(endPoint);
            }
        }

        return $"logaddress_add:  {endPoint}\n";
    }

    internal string Remove(string address)
    {
        lock (_gate)
        {
            return IPEndPoint.TryParse(address, out IPEndPoint? endPoint) && _addresses.Remove(endPoint)
                ? $"logaddress_del:  {endPoint}\n"
                : $"logaddress_del:  address {address} not found in the list\n";
        }
    }

    internal string RemoveAll()
    {
        lock (_gate)
        {
            _addresses.Clear();
        }

        return "logaddress_delall:  all addresses cleared\n";
    }

    /// <summary>Stops sending and closes the socket.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            Enabled = false;
            _socket?.Dispose();
        }
    }
}
