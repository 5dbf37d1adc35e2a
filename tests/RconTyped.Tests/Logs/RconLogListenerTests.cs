using System.Net;
using System.Net.Sockets;
using System.Text;
using RconTyped.Logs;

namespace RconTyped.Tests.Logs;

/// <summary>The UDP listener against datagrams sent on the loopback, the way srcds sends them after <c>logaddress_add</c>.</summary>
public class RconLogListenerTests
{
    private const string Kill = "L 11/30/2026 - 12:00:00: \"a<2><[U:1:1]><CT>\" killed \"b<3><[U:1:2]><TERRORIST>\" with \"ak47\"\n";

    [Fact]
    public async Task A_log_datagram_becomes_a_typed_event()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions());
        using var server = Sender(IPAddress.Loopback);

        await SendAsync(server, listener, 'R', Kill);

        var kill = Assert.IsType<PlayerKilledEvent>(await FirstAsync(listener));
        Assert.Equal("ak47", kill.Weapon);
        Assert.Equal(Kill.TrimEnd('\n'), kill.Raw);
    }

    [Fact]
    public async Task With_a_secret_only_datagrams_signed_with_it_are_read()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions { Secret = "90210" });
        using var server = Sender(IPAddress.Loopback);

        await SendAsync(server, listener, 'R', Kill.Replace("ak47", "unsigned"));
        await SendAsync(server, listener, 'S', "12345" + Kill.Replace("ak47", "wrong secret"));
        await SendAsync(server, listener, 'S', "90210" + Kill);

        var kill = Assert.IsType<PlayerKilledEvent>(await FirstAsync(listener));
        Assert.Equal("ak47", kill.Weapon);
        Assert.Equal(2, listener.Statistics.BadSecret);
        Assert.Equal(1, listener.Statistics.Queued);
    }

    [Fact]
    public async Task A_spoofed_datagram_from_another_loopback_address_is_dropped_and_the_loop_goes_on()
    {
        var options = new RconLogListenerOptions { BindAddress = IPAddress.Loopback };
        options.AllowedSources.Add(IPAddress.Loopback);
        await using var listener = await StartAsync(options);
        using var spoofer = Sender(IPAddress.Parse("127.0.0.2"));
        using var server = Sender(IPAddress.Loopback);

        await SendAsync(spoofer, listener, 'R', Kill.Replace("ak47", "spoofed"));
        await Poll.UntilAsync(() => listener.Statistics.NotAllowed == 1);
        await SendAsync(server, listener, 'R', Kill);

        Assert.Equal("ak47", Assert.IsType<PlayerKilledEvent>(await FirstAsync(listener)).Weapon);
        Assert.Equal(1, listener.Statistics.NotAllowed);
    }

    [Fact]
    public async Task Malformed_datagrams_are_counted_and_never_stop_the_listener()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions());
        using var server = Sender(IPAddress.Loopback);
        var random = new Random(20261130);

        await server.SendAsync(new byte[] { 0xFF }, listener.EndPoint);
        await server.SendAsync(Encoding.ASCII.GetBytes("no header at all"), listener.EndPoint);
        await server.SendAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, (byte)'X', 1, 2 }, listener.EndPoint);
        byte[] noise = new byte[1400];
        random.NextBytes(noise);
        await server.SendAsync(noise, listener.EndPoint);
        await Poll.UntilAsync(() => listener.Statistics.Received == 4);
        await SendAsync(server, listener, 'R', Kill);

        Assert.IsType<PlayerKilledEvent>(await FirstAsync(listener));
        Assert.Equal(4, listener.Statistics.Malformed);
        Assert.Null(listener.Fault);
    }

    /// <summary>Each of these once threw out of LogEvent.Parse and ended the receive loop for good (a 44-byte datagram was enough).</summary>
    [Fact]
    public async Task Lines_that_once_stopped_the_listener_arrive_as_events_and_a_valid_line_follows()
    {
        string[] lines =
        [
            "L 01/01/2024 - 00:00:00: Team \"CT\" scored 5",
            "L 01/01/2024 - 00:00:00: \"a<2><BOT><CT>\" money change  = $1",
            "L 01/01/2024 - 00:00:00: rcon from \"1.2.3.4:5\": command \"",
            "L 01/01/2024 - 00:00:00: Team \"Red\" current score ",
        ];
        await using var listener = await StartAsync(new RconLogListenerOptions());
        using var server = Sender(IPAddress.Loopback);

        foreach (string line in lines)
        {
            await SendAsync(server, listener, 'R', line + "\n");
        }

        await SendAsync(server, listener, 'R', Kill);

        List<LogEvent> events = await TakeAsync(listener, lines.Length + 1);
        Assert.Equal(lines, events.Take(lines.Length).Select(e => e.Raw));
        Assert.IsType<PlayerKilledEvent>(events[^1]);
        Assert.Null(listener.Fault);
    }

    [Fact]
    public async Task A_datagram_that_cannot_be_handled_is_counted_as_malformed_and_the_loop_goes_on()
    {
        var options = new RconLogListenerOptions { LineParser = line => line.Contains("boom", StringComparison.Ordinal) ? throw new InvalidOperationException("a bug") : LogEvent.Parse(line) };
        await using var listener = await StartAsync(options);
        using var server = Sender(IPAddress.Loopback);

        await SendAsync(server, listener, 'R', "L 11/30/2026 - 12:00:00: boom\n");
        await SendAsync(server, listener, 'R', Kill);

        Assert.IsType<PlayerKilledEvent>(await FirstAsync(listener));
        Assert.Equal((2, 1, 1), (listener.Statistics.Received, listener.Statistics.Malformed, listener.Statistics.Queued));
        Assert.Null(listener.Fault);
    }

    [Fact]
    public async Task Datagrams_of_64_KiB_random_or_one_line_long_do_not_stop_the_listener()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions());
        using var server = Sender(IPAddress.Loopback);
        byte[] noise = new byte[65_000];
        new Random(17).NextBytes(noise);

        await server.SendAsync(noise, listener.EndPoint);
        await SendAsync(server, listener, 'R', "L 11/30/2026 - 12:00:00: \"" + new string('x', 64_000) + "\n");
        await SendAsync(server, listener, 'R', Kill);

        List<LogEvent> events = await TakeAsync(listener, 2);
        Assert.Equal(64_026, events[0].Raw.Length);
        Assert.IsType<PlayerKilledEvent>(events[1]);
        Assert.Equal(1, listener.Statistics.Malformed);
        Assert.Null(listener.Fault);
    }

    [Fact]
    public async Task A_flood_past_the_queue_loses_the_oldest_events_and_counts_them()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions { QueueCapacity = 10 });
        using var server = Sender(IPAddress.Loopback);

        for (int i = 0; i < 100; i++)
        {
            await SendAsync(server, listener, 'R', Kill.Replace("ak47", $"w{i}"));
        }

        await Poll.UntilAsync(() => listener.Statistics.Received == 100);
        await listener.DisposeAsync();
        List<LogEvent> kept = [.. await listener.ReadAllAsync().ToListAsync()];

        Assert.Equal(10, kept.Count);
        Assert.Equal("w99", ((PlayerKilledEvent)kept[^1]).Weapon);
        Assert.Equal(90, listener.Statistics.Overflowed);
    }

    [Fact]
    public async Task A_line_split_across_datagrams_is_joined()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions());
        using var server = Sender(IPAddress.Loopback);

        await SendAsync(server, listener, 'R', Kill[..40], terminate: false);
        await SendAsync(server, listener, 'R', Kill[40..]);

        Assert.Equal(Kill.TrimEnd('\n'), Assert.IsType<PlayerKilledEvent>(await FirstAsync(listener)).Raw);
    }

    [Fact]
    public async Task Invalid_UTF8_is_replaced_and_the_bytes_are_kept()
    {
        await using var listener = await StartAsync(new RconLogListenerOptions());
        using var server = Sender(IPAddress.Loopback);
        byte[] line = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'R', .. "L 11/30/2026 - 12:00:00: \"n"u8, 0xC3, 0x28, .. "<2><BOT><CT>\" entered the game\n\0"u8];

        await server.SendAsync(line, listener.EndPoint);

        var entered = Assert.IsType<PlayerEnteredEvent>(await FirstAsync(listener));
        Assert.Equal("n\uFFFD(", entered.Player.Name);
        Assert.Equal(line[5..], entered.RawBytes.ToArray());
    }

    [Fact]
    public void Options_out_of_range_are_refused_when_the_listener_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RconLogListener(new RconLogListenerOptions { Port = 70_000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RconLogListener(new RconLogListenerOptions { QueueCapacity = 0 }));
        Assert.Throws<InvalidOperationException>(() => new RconLogListener().EndPoint);
    }

    [Fact]
    public async Task Disposing_ends_the_reader()
    {
        var listener = await StartAsync(new RconLogListenerOptions());
        Task<List<LogEvent>> reading = listener.ReadAllAsync().ToListAsync().AsTask();

        await listener.DisposeAsync();

        Assert.Empty(await reading.WaitAsync(Connect.Guard));
        Assert.Null(listener.Fault);
    }

    private static async Task<RconLogListener> StartAsync(RconLogListenerOptions options)
    {
        if (Equals(options.BindAddress, IPAddress.Any))
        {
            options.BindAddress = IPAddress.Loopback;
        }

        var listener = new RconLogListener(options);
        await listener.StartAsync();
        return listener;
    }

    private static UdpClient Sender(IPAddress address) => new(new IPEndPoint(address, 0));

    private static async Task SendAsync(UdpClient sender, RconLogListener listener, char type, string text, bool terminate = true)
    {
        byte[] datagram = [0xFF, 0xFF, 0xFF, 0xFF, (byte)type, .. Encoding.UTF8.GetBytes(text), .. terminate ? new byte[] { 0 } : []];
        await sender.SendAsync(datagram, listener.EndPoint);
    }

    private static async Task<List<LogEvent>> TakeAsync(RconLogListener listener, int count)
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

    private static async Task<LogEvent> FirstAsync(RconLogListener listener)
    {
        using var timeout = new CancellationTokenSource(Connect.Guard);
        await foreach (LogEvent e in listener.ReadAllAsync(timeout.Token))
        {
            return e;
        }

        throw new InvalidOperationException("The listener ended without an event.");
    }
}
