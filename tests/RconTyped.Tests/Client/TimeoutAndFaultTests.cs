using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class TimeoutAndFaultTests
{
    [Theory]
    [InlineData(EmulatedServerMode.Source)]
    [InlineData(EmulatedServerMode.Cs2)]
    public async Task An_unanswered_command_times_out_and_the_connection_stays_usable(EmulatedServerMode mode)
    {
        var options = new EmulatedServerOptions { Mode = mode };
        options.Faults.UnansweredCommands.Add("changelevel");
        await using var server = EmulatedServer.Start(options);
        var time = new FakeTimeProvider();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { CommandTimeout = TimeSpan.FromSeconds(2), TimeProvider = time });

        Task<string> unanswered = client.ExecuteAsync("changelevel de_nuke");
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(unanswered.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var e = await Assert.ThrowsAsync<RconTimeoutException>(() => unanswered.WaitAsync(Connect.Guard));

        Assert.Contains("'changelevel'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("de_nuke", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Palworld", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), e.Timeout);
        Assert.True(client.IsAuthenticated);
        Assert.Equal("after\n", await client.ExecuteAsync("echo after").WaitAsync(Connect.Guard));
        Assert.Equal("de_nuke", server.Console.Map);
    }

    [Theory]
    [InlineData(EmulatedServerMode.Source)]
    [InlineData(EmulatedServerMode.Cs2)]
    public async Task A_late_answer_after_a_timeout_is_discarded_never_given_to_the_next_command(EmulatedServerMode mode)
    {
        using var release = new ManualResetEventSlim();
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        server.Console.AddCommand("held", _ =>
        {
            release.Wait(Connect.Guard);
            return "late answer\n";
        });
        var time = new FakeTimeProvider();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { CommandTimeout = TimeSpan.FromSeconds(2), TimeProvider = time });

        Task<string> held = client.ExecuteAsync("held");
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<RconTimeoutException>(() => held.WaitAsync(Connect.Guard));
        Task<string> next = client.ExecuteAsync("echo on time");
        release.Set();

        // The server runs commands in order: it answers "held" first, then the next command.
        // The late answer must be dropped, not handed to the command waiting next.
        Assert.Equal("on time\n", await next.WaitAsync(Connect.Guard));
        Assert.Equal("again\n", await client.ExecuteAsync("echo again").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Cancelling_one_command_does_not_disturb_the_others()
    {
        var options = new EmulatedServerOptions();
        options.Faults.ResponseDelay = TimeSpan.FromMilliseconds(200);
        await using var server = EmulatedServer.Start(options);
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Task<string> cancelled = client.ExecuteAsync("echo cancelled", cancel.Token);
        Task<string> kept = client.ExecuteAsync("echo kept");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Connect.Guard));
        Assert.Equal("kept\n", await kept.WaitAsync(Connect.Guard));
        Assert.Equal("last\n", await client.ExecuteAsync("echo last").WaitAsync(Connect.Guard));
    }

    [Theory]
    [InlineData(EmulatedServerMode.Source, 1)]
    [InlineData(EmulatedServerMode.Source, 7)]
    [InlineData(EmulatedServerMode.Cs2, 1)]
    public async Task Fragmented_writes_are_reassembled(EmulatedServerMode mode, int fragmentSize)
    {
        var options = new EmulatedServerOptions { Mode = mode };
        options.Faults.FragmentSize = fragmentSize;
        await using var server = EmulatedServer.Start(options);
        server.Console.AddCommand("big", _ => ExecuteTests.Pattern(9000));
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Task<string> big = client.ExecuteAsync("big");
        Task<string> small = client.ExecuteAsync("echo small");

        Assert.Equal(ExecuteTests.Pattern(9000), await big.WaitAsync(Connect.Guard));
        Assert.Equal("small\n", await small.WaitAsync(Connect.Guard));
    }

    [Theory]
    [InlineData(5000L)]     // in the middle of the second packet of the long answer
    [InlineData(4110L)]     // exactly at the boundary after the first packet
    [InlineData(4111L)]     // one byte into the second packet's size field
    public async Task A_connection_lost_mid_answer_fails_every_waiting_command_and_nothing_hangs(long dropAfterBytes)
    {
        var options = new EmulatedServerOptions();
        await using var server = EmulatedServer.Start(options);
        server.Console.AddCommand("big", _ => ExecuteTests.Pattern(64 * 1024));
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        server.Options.Faults.DropAfterBytes = dropAfterBytes + (14 * 2); // the auth exchange already sent two empty packets

        Task<string>[] waiting = [client.ExecuteAsync("big"), .. Enumerable.Range(0, 10).Select(i => client.ExecuteAsync($"echo {i}"))];

        foreach (Task<string> task in waiting)
        {
            // "was lost" for commands the read loop failed, "is closed" for any that reached the socket after it.
            var e = await Assert.ThrowsAsync<RconConnectionException>(() => task.WaitAsync(Connect.Guard));
            Assert.Matches("was lost|is closed", e.Message);
        }

        Assert.True(client.IsClosed);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("echo after").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task A_connection_dropped_after_some_packets_fails_the_rest()
    {
        var options = new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 };
        await using var server = EmulatedServer.Start(options);
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        server.Options.Faults.DropAfterPackets = 1 + 3; // the auth response, then three answers

        Task<string>[] answers = Enumerable.Range(0, 6).Select(i => client.ExecuteAsync($"echo {i}")).ToArray();

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{i}\n"), await answers[i].WaitAsync(Connect.Guard));
        }

        for (int i = 3; i < 6; i++)
        {
            await Assert.ThrowsAsync<RconConnectionException>(() => answers[i].WaitAsync(Connect.Guard));
        }
    }

    [Fact]
    public async Task Close_fails_waiting_commands_and_later_calls_report_disposal()
    {
        var options = new EmulatedServerOptions();
        options.Faults.UnansweredCommands.Add("changelevel");
        await using var server = EmulatedServer.Start(options);
        RconClient client = await Connect.AuthenticatedAsync(server);
        Task<string> waiting = client.ExecuteAsync("changelevel x");

        await client.DisposeAsync();

        await Assert.ThrowsAsync<RconConnectionException>(() => waiting.WaitAsync(Connect.Guard));
        Assert.True(client.IsClosed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ExecuteAsync("echo x"));
        client.Close();
    }
}
