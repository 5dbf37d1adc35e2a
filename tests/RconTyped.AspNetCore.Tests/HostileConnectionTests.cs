using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.Logs;

namespace RconTyped.AspNetCore.Tests;

/// <summary>
/// An HTTP log endpoint faces the network: connections that send their headers slowly, never send the body they
/// announced, name a host nobody serves, send one byte a second or a chunked body without end. None of them may delay a
/// real server's post, stop the listener, or hold memory past the bounds.
/// </summary>
public class HostileConnectionTests
{
    [Fact]
    public async Task A_thousand_hostile_connections_do_not_delay_a_valid_post_past_a_second()
    {
        await using RconHttpLogListener listener = await RconHttpLogListenerTests.StartAsync(new RconLogListenerOptions());
        string host = listener.Uri.Authority;
        string[] hostile =
        [
            $"POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\n",                              // headers that never end
            $"POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 100000\r\n\r\n11/30/2026 - 12:00:00.000 - ", // a body that never comes
            "POST /elsewhere HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 10\r\n\r\n",                   // a host nobody serves
        ];
        var sockets = new List<Socket>();
        try
        {
            for (int i = 0; i < 1000; i++)
            {
                sockets.Add(await RawHttp.OpenAsync(listener.Uri, hostile[i % hostile.Length]));
            }

            using var http = new HttpClient();
            var answered = Stopwatch.StartNew();
            HttpResponseMessage response = await RawHttp.PostAsync(http, listener.Uri, RawHttp.Lines);
            answered.Stop();
            List<LogEvent> events = await RawHttp.TakeAsync(listener.ReadAllAsync(), 2);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(answered.Elapsed < TimeSpan.FromSeconds(1), $"the valid post took {answered.Elapsed.TotalMilliseconds:F0} ms beside 1,000 hostile connections");
            Assert.IsType<PlayerKilledEvent>(events[0]);
        }
        finally
        {
            foreach (Socket socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task Headers_that_never_end_are_cut_off_at_the_header_timeout()
    {
        await using RconHttpLogListener listener = await RconHttpLogListenerTests.StartAsync(new RconLogListenerOptions(), new RconHttpLogLimits { RequestHeadersTimeout = TimeSpan.FromSeconds(1) });
        using Socket slow = await RawHttp.OpenAsync(listener.Uri, "POST / HTTP/1.1\r\nHost: x\r\n");

        var closed = Stopwatch.StartNew();
        string answer = await RawHttp.ReadToCloseAsync(slow);

        Assert.True(closed.Elapsed < TimeSpan.FromSeconds(10), $"closed after {closed.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("408", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_at_one_byte_a_second_is_cut_off_and_counted()
    {
        await using RconHttpLogListener listener = await RconHttpLogListenerTests.StartAsync(new RconLogListenerOptions(), new RconHttpLogLimits { MinBodyRateGracePeriod = TimeSpan.FromSeconds(1.5) });
        using Socket slow = await RawHttp.OpenAsync(listener.Uri, $"POST / HTTP/1.1\r\nHost: {listener.Uri.Authority}\r\nContent-Length: 1000\r\n\r\n");

        for (int i = 0; i < 30 && listener.Statistics.Malformed == 0; i++)
        {
            try
            {
                await slow.SendAsync("x"u8.ToArray());
            }
            catch (SocketException)
            {
                break;
            }

            await Task.Delay(1000);
        }

        await Guard.UntilAsync(() => listener.Statistics.Malformed == 1);
        Assert.Equal(0, listener.Statistics.Queued);
    }

    [Fact]
    public async Task A_chunked_body_without_end_is_refused_at_the_body_limit()
    {
        await using RconHttpLogListener listener = await RconHttpLogListenerTests.StartAsync(new RconLogListenerOptions { MaxHttpBodyBytes = 4096 });
        using Socket endless = await RawHttp.OpenAsync(listener.Uri, $"POST / HTTP/1.1\r\nHost: {listener.Uri.Authority}\r\nTransfer-Encoding: chunked\r\n\r\n");
        byte[] chunk = Encoding.ASCII.GetBytes("100\r\n" + new string('x', 256) + "\r\n");

        try
        {
            for (int i = 0; i < 1000; i++)
            {
                await endless.SendAsync(chunk);
            }
        }
        catch (SocketException)
        {
            // The server closed the connection once the body passed the limit.
        }

        string answer = await RawHttp.ReadToCloseAsync(endless);
        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Equal(1, listener.Statistics.Malformed);
    }

    [Fact]
    public async Task Posts_past_the_bytes_in_flight_are_refused_as_busy_and_the_others_complete()
    {
        var options = new RconLogListenerOptions { MaxHttpBodyBytes = 1024, MaxHttpBytesInFlight = 2048 };
        await using RconHttpLogListener listener = await RconHttpLogListenerTests.StartAsync(options);
        string line = "11/30/2026 - 12:00:00.000 - World triggered \"Round_Start\"\n";
        string head = $"POST / HTTP/1.1\r\nHost: {listener.Uri.Authority}\r\nContent-Length: 1000\r\n\r\n";
        string part = line + new string(' ', 900 - line.Length);

        using Socket first = await RawHttp.OpenAsync(listener.Uri, head + part);
        await Guard.UntilAsync(() => listener.BytesInFlight == 900);
        using Socket second = await RawHttp.OpenAsync(listener.Uri, head + part);
        await Guard.UntilAsync(() => listener.BytesInFlight == 1800);
        using Socket third = await RawHttp.OpenAsync(listener.Uri, head + part);

        Assert.StartsWith("HTTP/1.1 503", await ReadAnswerAsync(third), StringComparison.Ordinal);
        await first.SendAsync(Encoding.ASCII.GetBytes(new string(' ', 100)));
        await second.SendAsync(Encoding.ASCII.GetBytes(new string(' ', 100)));
        Assert.StartsWith("HTTP/1.1 200", await ReadAnswerAsync(first), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200", await ReadAnswerAsync(second), StringComparison.Ordinal);
        Assert.Equal((1, 2), (listener.Statistics.Busy, listener.Statistics.Queued));
        await Guard.UntilAsync(() => listener.BytesInFlight == 0);
    }

    /// <summary>The first answer on a kept-alive connection: enough bytes to hold its status line.</summary>
    private static async Task<string> ReadAnswerAsync(Socket socket)
    {
        byte[] buffer = new byte[1024];
        using var guard = new CancellationTokenSource(Guard.Timeout);
        int read = await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
