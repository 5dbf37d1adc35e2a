using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.Logs;
using RconTyped.Testing;

namespace RconTyped.AspNetCore.Tests;

/// <summary>The standalone listener on Kestrel: the HTTP form CS2 uses, posts of text lines with the headers CS2 sends.</summary>
public class RconHttpLogListenerTests
{
    [Fact]
    public async Task A_post_of_lines_becomes_events_and_is_answered_200_on_the_port_Kestrel_chose()
    {
        await using RconHttpLogListener listener = await StartAsync(new RconLogListenerOptions());
        using var http = new HttpClient();

        HttpResponseMessage response = await RawHttp.PostAsync(http, listener.Uri, RawHttp.Lines);
        List<LogEvent> events = await RawHttp.TakeAsync(listener.ReadAllAsync(), 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(0, listener.Port);
        Assert.Equal(listener.Port, listener.Uri.Port);
        var kill = Assert.IsType<PlayerKilledEvent>(events[0]);
        Assert.Equal(new DateTime(2026, 11, 30, 12, 0, 0, 123), kill.Timestamp);
        Assert.Equal("Round_End", Assert.IsType<WorldTriggeredEvent>(events[1]).Action);
    }

    [Fact]
    public async Task With_a_secret_only_posts_to_its_path_are_read()
    {
        await using RconHttpLogListener listener = await StartAsync(new RconLogListenerOptions { Secret = "s3cret" });
        using var http = new HttpClient();

        HttpResponseMessage wrong = await RawHttp.PostAsync(http, new Uri(listener.Uri, "/guess"), RawHttp.Lines);
        HttpResponseMessage none = await RawHttp.PostAsync(http, new Uri(listener.Uri, "/"), RawHttp.Lines);
        HttpResponseMessage right = await RawHttp.PostAsync(http, listener.Uri, RawHttp.Lines);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK), (wrong.StatusCode, none.StatusCode, right.StatusCode));
        Assert.Equal("/s3cret", listener.Uri.AbsolutePath);
        Assert.Equal(2, (await RawHttp.TakeAsync(listener.ReadAllAsync(), 2)).Count);
        Assert.Equal(2, listener.Statistics.BadSecret);
    }

    [Fact]
    public async Task A_huge_body_a_GET_and_a_truncated_body_are_refused_and_the_listener_goes_on()
    {
        await using RconHttpLogListener listener = await StartAsync(new RconLogListenerOptions { MaxHttpBodyBytes = 1024 });
        using var http = new HttpClient();

        HttpResponseMessage huge = await RawHttp.PostAsync(http, listener.Uri, new string('x', 4096));
        HttpResponseMessage get = await http.GetAsync(listener.Uri);
        using (Socket truncated = await RawHttp.OpenAsync(listener.Uri, $"POST / HTTP/1.1\r\nHost: {listener.Uri.Authority}\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n11/30/2026 - 12:00:00.000 - cut"))
        {
            truncated.Shutdown(SocketShutdown.Send);
            await RawHttp.ReadToCloseAsync(truncated);
        }

        HttpResponseMessage good = await RawHttp.PostAsync(http, listener.Uri, RawHttp.Lines);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.MethodNotAllowed, HttpStatusCode.OK), (huge.StatusCode, get.StatusCode, good.StatusCode));
        Assert.IsType<PlayerKilledEvent>((await RawHttp.TakeAsync(listener.ReadAllAsync(), 1))[0]);
        await Guard.UntilAsync(() => listener.Statistics.Malformed >= 3);
    }

    [Fact]
    public async Task Lines_that_once_stopped_a_listener_are_posted_then_a_valid_line_arrives()
    {
        await using RconHttpLogListener listener = await StartAsync(new RconLogListenerOptions());
        using var http = new HttpClient();
        string lines = string.Join('\n',
            "01/01/2024 - 00:00:00.000 - Team \"CT\" scored 5",
            "01/01/2024 - 00:00:00.000 - \"a<2><BOT><CT>\" money change  = $1",
            "01/01/2024 - 00:00:00.000 - rcon from \"1.2.3.4:5\": command \"",
            "01/01/2024 - 00:00:00.000 - Team \"Red\" current score ");

        HttpResponseMessage hostile = await RawHttp.PostAsync(http, listener.Uri, lines);
        HttpResponseMessage valid = await RawHttp.PostAsync(http, listener.Uri, RawHttp.Lines);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (hostile.StatusCode, valid.StatusCode));
        List<LogEvent> events = await RawHttp.TakeAsync(listener.ReadAllAsync(), 6);
        Assert.IsType<PlayerKilledEvent>(events[4]);
    }

    [Fact]
    public async Task A_post_that_cannot_be_handled_is_counted_as_malformed_and_the_next_is_read()
    {
        var options = new RconLogListenerOptions { LineParser = line => line.Contains("boom", StringComparison.Ordinal) ? throw new InvalidOperationException("a bug") : LogEvent.Parse(line) };
        await using RconHttpLogListener listener = await StartAsync(options);
        using var http = new HttpClient();

        HttpResponseMessage failed = await RawHttp.PostAsync(http, listener.Uri, "11/30/2026 - 12:00:00.000 - boom\n");
        HttpResponseMessage good = await RawHttp.PostAsync(http, listener.Uri, RawHttp.Lines);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (failed.StatusCode, good.StatusCode));
        Assert.IsType<PlayerKilledEvent>((await RawHttp.TakeAsync(listener.ReadAllAsync(), 1))[0]);
        Assert.Equal(1, listener.Statistics.Malformed);
    }

    [Fact]
    public async Task A_post_from_an_address_not_allowed_is_refused()
    {
        var options = new RconLogListenerOptions();
        options.AllowedSources.Add(IPAddress.Parse("192.0.2.1"));
        await using RconHttpLogListener listener = await StartAsync(options);
        using var http = new HttpClient();

        HttpResponseMessage response = await RawHttp.PostAsync(http, listener.Uri, RawHttp.Lines);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((1, 0), (listener.Statistics.NotAllowed, listener.Statistics.Queued));
    }

    [Fact]
    public async Task Invalid_UTF8_is_replaced_and_the_post_bytes_are_kept()
    {
        await using RconHttpLogListener listener = await StartAsync(new RconLogListenerOptions());
        using var http = new HttpClient();
        byte[] body = [.. "11/30/2026 - 12:00:00.000 - \"n"u8, 0xC3, 0x28, .. "<2><BOT><CT>\" entered the game\n"u8];

        using var content = new ByteArrayContent(body);
        HttpResponseMessage response = await http.PostAsync(listener.Uri, content).WaitAsync(Guard.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entered = Assert.IsType<PlayerEnteredEvent>((await RawHttp.TakeAsync(listener.ReadAllAsync(), 1))[0]);
        Assert.Equal("n\uFFFD(", entered.Player.Name);
        Assert.Equal(body, entered.RawBytes.ToArray());
    }

    [Fact]
    public async Task A_CS2_server_posts_its_log_to_the_listener_at_its_secret_path()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
        await using var client = new RconClient(server.EndPoint);
        await client.ConnectAsync().WaitAsync(Guard.Timeout);
        await client.AuthenticateAsync(server.Password).WaitAsync(Guard.Timeout);
        await using RconHttpLogListener listener = await StartAsync(new RconLogListenerOptions { Secret = "k3y" });
        await using IAsyncEnumerator<LogEvent> events = listener.ReadAllAsync().GetAsyncEnumerator();

        RconLogStream stream = await client.StartHttpLogStreamAsync(listener);
        Assert.Equal(listener.Uri, Assert.Single(server.Console.Log.Urls));
        Assert.IsType<LogFileEvent>(await NextAsync(events));
        await client.ExecuteAsync("say over http");

        var say = Assert.IsType<PlayerSayEvent>(await NextAsync(events));
        Assert.Equal("over http", say.Message);
        Assert.NotNull(say.Timestamp);
        await stream.DisposeAsync();
        Assert.Empty(server.Console.Log.Urls);
        Assert.Equal(0, listener.Statistics.BadSecret);
    }

    [Fact]
    public async Task A_port_in_use_fails_to_start_and_disposing_ends_the_reader()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        await using var taken = new RconHttpLogListener(new RconLogListenerOptions { BindAddress = IPAddress.Loopback, Port = port });

        await Assert.ThrowsAnyAsync<IOException>(() => taken.StartAsync());

        RconHttpLogListener listener = await StartAsync(new RconLogListenerOptions());
        Task<List<LogEvent>> reading = RawHttp.TakeAsync(listener.ReadAllAsync(), 1);
        await listener.DisposeAsync();
        Assert.Empty(await reading.WaitAsync(Guard.Timeout));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => listener.StartAsync());
    }

    [Fact]
    public void Settings_out_of_range_are_refused_when_the_listener_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RconHttpLogListener(new RconLogListenerOptions { MaxHttpBodyBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RconHttpLogListener(new RconLogListenerOptions { MaxHttpBodyBytes = 2048, MaxHttpBytesInFlight = 1024 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RconHttpLogListener(limits: new RconHttpLogLimits { MinBodyRateGracePeriod = TimeSpan.FromSeconds(1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RconHttpLogListener(limits: new RconHttpLogLimits { MaxConnections = 0 }));
        Assert.Throws<InvalidOperationException>(() => new RconHttpLogListener().Uri);
    }

    internal static async Task<RconHttpLogListener> StartAsync(RconLogListenerOptions options, RconHttpLogLimits? limits = null)
    {
        options.BindAddress = IPAddress.Loopback;
        var listener = new RconHttpLogListener(options, limits);
        await listener.StartAsync().WaitAsync(Guard.Timeout);
        return listener;
    }

    private static async Task<LogEvent> NextAsync(IAsyncEnumerator<LogEvent> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Guard.Timeout));
        return events.Current;
    }
}
