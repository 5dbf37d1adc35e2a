using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RconTyped.AspNetCore.Tests;

/// <summary>Posts the way CS2 does (HttpClient with CS2's headers), and raw requests over a socket for what no HTTP client sends.</summary>
internal static class RawHttp
{
    public const string Lines = "11/30/2026 - 12:00:00.123 - \"a<2><[U:1:1]><CT>\" killed \"b<3><[U:1:2]><TERRORIST>\" with \"ak47\"\n11/30/2026 - 12:00:01.000 - World triggered \"Round_End\"\n";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri uri, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Add("X-Server-Addr", "127.0.0.1:27015");
        request.Headers.Add("X-Server-Instance-Token", "0816dd577479d82a");
        request.Headers.Add("X-Timestamp", "11/30/2026 - 12:00:01.000");
        return await http.SendAsync(request).WaitAsync(Guard.Timeout);
    }

    /// <summary>A connected socket that has sent <paramref name="head"/> and nothing more.</summary>
    public static async Task<Socket> OpenAsync(Uri uri, string head)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, uri.Port)).WaitAsync(Guard.Timeout);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        return socket;
    }

    /// <summary>Everything the server sends until it closes the connection (or the guard passes).</summary>
    public static async Task<string> ReadToCloseAsync(Socket socket)
    {
        var answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        using var guard = new CancellationTokenSource(Guard.Timeout);
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (SocketException)
        {
            // A reset is a close too.
        }

        return answer.ToString();
    }

    public static async Task<List<Logs.LogEvent>> TakeAsync(IAsyncEnumerable<Logs.LogEvent> events, int count)
    {
        var taken = new List<Logs.LogEvent>();
        using var guard = new CancellationTokenSource(Guard.Timeout);
        await foreach (Logs.LogEvent e in events.WithCancellation(guard.Token))
        {
            taken.Add(e);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }
}
