using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.Logs;

namespace RconTyped.Tests.Logs;

/// <summary>The HTTP form CS2 uses: posts of text lines, with the headers CS2 sends.</summary>
public class RconHttpLogListenerTests
{
    private const string Lines = "11/30/2026 - 12:00:00.123 - \"a<2><[U:1:1]><CT>\" killed \"b<3><[U:1:2]><TERRORIST>\" with \"ak47\"\n11/30/2026 - 12:00:01.000 - World triggered \"Round_End\"\n";

    [Fact]
    public async Task A_post_of_lines_becomes_events_and_is_answered_200()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions());
        using var http = new HttpClient();

        HttpResponseMessage response = await PostAsync(http, listener.Uri, Lines);
        List<LogEvent> events = await TakeAsync(listener, 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kill = Assert.IsType<PlayerKilledEvent>(events[0]);
        Assert.Equal(new DateTime(2026, 11, 30, 12, 0, 0, 123), kill.Timestamp);
        Assert.Equal("Round_End", Assert.IsType<WorldTriggeredEvent>(events[1]).Action);
    }

    [Fact]
    public async Task With_a_secret_only_posts_to_its_path_are_read()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions { Secret = "s3cret" });
        using var http = new HttpClient();

        HttpResponseMessage wrong = await PostAsync(http, new Uri(listener.Uri, "/guess"), Lines);
        HttpResponseMessage none = await PostAsync(http, new Uri(listener.Uri, "/"), Lines);
        HttpResponseMessage right = await PostAsync(http, listener.Uri, Lines);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (wrong.StatusCode, none.StatusCode, right.StatusCode));
        Assert.Equal("/s3cret", listener.Uri.AbsolutePath);
        Assert.Equal(2, (await TakeAsync(listener, 2)).Count);
        Assert.Equal(2, listener.Statistics.BadSecret);
    }

    [Fact]
    public async Task A_huge_body_a_GET_and_a_truncated_body_are_refused_and_the_listener_goes_on()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions { MaxHttpBodyBytes = 1024 });
        using var http = new HttpClient();

        HttpResponseMessage huge = await PostAsync(http, listener.Uri, new string('x', 4096));
        HttpResponseMessage get = await http.GetAsync(listener.Uri);
        await SendTruncatedAsync(listener.Uri);
        HttpResponseMessage good = await PostAsync(http, listener.Uri, Lines);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.MethodNotAllowed, HttpStatusCode.OK), (huge.StatusCode, get.StatusCode, good.StatusCode));
        Assert.IsType<PlayerKilledEvent>((await TakeAsync(listener, 1))[0]);
        Assert.True(listener.Statistics.Malformed >= 2);
        Assert.Null(listener.Fault);
    }

    [Fact]
    public async Task A_post_from_an_address_not_allowed_is_refused()
    {
        var options = new RconLogListenerOptions();
        options.AllowedSources.Add(IPAddress.Parse("192.0.2.1"));
        await using var listener = await StartAsync(options);
        using var http = new HttpClient();

        HttpResponseMessage response = await PostAsync(http, listener.Uri, Lines);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((1, 0), (listener.Statistics.NotAllowed, listener.Statistics.Queued));
    }

    private static async Task<RconHttpLogListener> StartAsync(RconLogListenerOptions options)
    {
        options.BindAddress = IPAddress.Loopback;
        var listener = new RconHttpLogListener(options);
        await listener.StartAsync();
        return listener;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri uri, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.Add("X-Server-Addr", "127.0.0.1:27015");
        request.Headers.Add("X-Server-Instance-Token", "0816dd577479d82a");
        request.Headers.Add("X-Timestamp", "11/30/2026 - 12:00:01.000");
        return await http.SendAsync(request).WaitAsync(Connect.Guard);
    }

    /// <summary>A post whose Content-Length promises more than is sent before the connection closes.</summary>
    private static async Task SendTruncatedAsync(Uri uri)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        NetworkStream stream = client.GetStream();
        byte[] head = Encoding.ASCII.GetBytes($"POST {uri.AbsolutePath} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n11/30/2026 - 12:00:00.000 - cut");
        await stream.WriteAsync(head);
        client.Client.Shutdown(SocketShutdown.Send);
        byte[] answer = new byte[256];
        using var timeout = new CancellationTokenSource(Connect.Guard);
        try
        {
            while (await stream.ReadAsync(answer, timeout.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
    }

    private static async Task<List<LogEvent>> TakeAsync(RconHttpLogListener listener, int count)
    {
        var events = new List<LogEvent>();
        using var timeout = new CancellationTokenSource(Connect.Guard);
        await foreach (LogEvent e in listener.ReadAllAsync(timeout.Token))
        {
            events.Add(e);
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }
}
