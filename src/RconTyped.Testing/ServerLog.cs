using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RconTyped.Testing;

/// <summary>
/// The emulated server's log, as srcds sends it: after <c>logaddress_add IP:PORT</c> and <c>log on</c>, every line goes to
/// each address as a UDP datagram, <c>FF FF FF FF 'R' "L MM/dd/yyyy - HH:mm:ss: line\n\0"</c>, or signed
/// (<c>'S'</c> and the secret) when the <c>sv_logsecret</c> cvar is set. Sends from 127.0.0.1 only. After
/// <c>logaddress_add_http "URL"</c> every line is also POSTed there, as CS2 does: <c>text/plain</c>,
/// <c>MM/dd/yyyy - HH:mm:ss.fff - line</c>, with CS2's <c>X-Server-*</c> headers, in order.
/// </summary>
public sealed class ServerLog : IDisposable
{
    private readonly object _gate = new();
    private readonly List<IPEndPoint> _addresses = [];
    private readonly List<Uri> _urls = [];
    private readonly string _instanceToken = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..8]).ToLowerInvariant();
    private HttpClient? _http;
    private Task _lastPost = Task.CompletedTask;
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

    /// <summary>Writes a line (without the <c>L</c> timestamp, which is added) to every address, when logging is on.</summary>
    public void Write(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            if (!Enabled || (_addresses.Count == 0 && _urls.Count == 0))
            {
                return;
            }

            DateTime now = DateTime.Now;
            foreach (Uri url in _urls)
            {
                string body = string.Create(CultureInfo.InvariantCulture, $"{now:MM/dd/yyyy - HH:mm:ss.fff} - {line}\n");
                Task previous = _lastPost;
                _lastPost = PostAfterAsync(previous, url, body, now);
            }

            string secret = _secret() is { Length: > 0 } value && value != "0" ? value : string.Empty;
            string text = string.Create(CultureInfo.InvariantCulture, $"L {now:MM/dd/yyyy - HH:mm:ss}: {line}\n");
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

    /// <summary>The URLs added with <c>logaddress_add_http</c>.</summary>
    public IReadOnlyList<Uri> Urls
    {
        get
        {
            lock (_gate)
            {
                return [.. _urls];
            }
        }
    }

    internal string AddHttp(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https") || !IPAddress.TryParse(uri.Host, out IPAddress? host) || !IPAddress.IsLoopback(host))
        {
            // The emulator only talks to the loopback.
            return $"logaddress_add_http:  '{url}' is not an http URL on 127.0.0.1\n";
        }

        lock (_gate)
        {
            if (!_urls.Contains(uri))
            {
                _urls.Add(uri);
            }
        }

        return $"logaddress_add_http:  {uri}\n";
    }

    internal string RemoveAllHttp()
    {
        lock (_gate)
        {
            _urls.Clear();
        }

        return "logaddress_delall_http:  all HTTP addresses cleared\n";
    }

    /// <summary>Posts after the previous post has finished, so lines arrive in order; a failed post is dropped, as CS2 drops them.</summary>
    private async Task PostAfterAsync(Task previous, Uri url, string body, DateTime time)
    {
        await previous.ConfigureAwait(false);
        try
        {
            _http ??= new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
            request.Headers.TryAddWithoutValidation("User-Agent", "Valve/Steam HTTP Client 1.0 (730)");
            request.Headers.Add("X-Server-Addr", "127.0.0.1:27015");
            request.Headers.Add("X-Server-Instance-Token", _instanceToken);
            request.Headers.Add("X-SteamID", "[A:1:1234567:12345]");
            request.Headers.Add("X-Timestamp", time.ToString("MM/dd/yyyy - HH:mm:ss.fff", CultureInfo.InvariantCulture));
            using HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
        }
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
            _http?.Dispose();
        }
    }
}
