using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class FleetTests
{
    [Fact]
    public async Task Every_server_gets_the_command_and_failures_stay_with_their_server()
    {
        await using var first = EmulatedServer.Start();
        await using var second = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
        await using var locked = EmulatedServer.Start(new EmulatedServerOptions { Password = "other" });
        int closedPort;
        await using (var gone = EmulatedServer.Start())
        {
            closedPort = gone.Port;
        }

        await using var fleet = new RconFleet(
        [
            new($"127.0.0.1:{first.Port}", first.Password),
            new($"127.0.0.1:{closedPort}", "x"),
            new($"127.0.0.1:{locked.Port}", "wrong"),
            new($"127.0.0.1:{second.Port}", second.Password),
            new("not an address:xx", "x"),
        ],
            maxConcurrency: 2);

        IReadOnlyList<RconFleetResult> results = await fleet.ExecuteAsync("echo fleet").WaitAsync(Connect.Guard);

        Assert.Equal(5, results.Count);
        Assert.Equal("fleet\n", results[0].Response);
        Assert.IsType<RconConnectionException>(results[1].Error);
        Assert.Equal(RconAuthenticationFailure.WrongPassword, Assert.IsType<RconAuthenticationException>(results[2].Error).Failure);
        Assert.Equal("fleet\n", results[3].Response);
        Assert.IsType<FormatException>(results[4].Error);
        Assert.Equal([true, false, false, true, false], results.Select(r => r.Succeeded));
        Assert.DoesNotContain("wrong", fleet.Servers[2].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrency_is_bounded()
    {
        var servers = new List<EmulatedServer>();
        int inFlight = 0;
        int maxSeen = 0;
        try
        {
            for (int i = 0; i < 8; i++)
            {
                var server = EmulatedServer.Start();
                server.Console.AddCommand("slow", _ =>
                {
                    int now = Interlocked.Increment(ref inFlight);
                    InterlockedMax(ref maxSeen, now);
                    Thread.Sleep(100);
                    Interlocked.Decrement(ref inFlight);
                    return "done\n";
                });
                servers.Add(server);
            }

            await using var fleet = new RconFleet(servers.Select(s => new RconFleetServer($"127.0.0.1:{s.Port}", s.Password)), maxConcurrency: 3);
            IReadOnlyList<RconFleetResult> results = await fleet.ExecuteAsync("slow").WaitAsync(Connect.Guard);

            Assert.All(results, r => Assert.Equal("done\n", r.Response));
            Assert.InRange(maxSeen, 1, 3);
        }
        finally
        {
            foreach (EmulatedServer server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_fleet_keeps_one_connection_per_server_and_reconnects_it()
    {
        await using var server = EmulatedServer.Start();
        await using var fleet = new RconFleet([new RconFleetServer(server.EndPoint.ToString(), server.Password)]);

        await fleet.ExecuteAsync("echo one").WaitAsync(Connect.Guard);
        await fleet.ExecuteAsync("echo two").WaitAsync(Connect.Guard);
        Assert.Equal(1, server.ConnectionCount);

        // A command in flight when the connection drops fails (it may have run); the client reconnects and the next ones work.
        server.DropConnections();
        RconFleetResult again = (await fleet.ExecuteAsync("echo three").WaitAsync(Connect.Guard))[0];
        for (int i = 0; i < 100 && !again.Succeeded; i++)
        {
            await Task.Delay(20);
            again = (await fleet.ExecuteAsync("echo three").WaitAsync(Connect.Guard))[0];
        }

        Assert.Equal("three\n", again.Response);
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task Results_stream_fastest_first_and_a_slow_server_times_out_on_its_own()
    {
        await using var fast = EmulatedServer.Start();
        await using var slow = EmulatedServer.Start();
        slow.Options.Faults.ResponseDelay = TimeSpan.FromMinutes(1);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var fleet = new RconFleet([new RconFleetServer(slow.EndPoint.ToString(), slow.Password), new RconFleetServer(fast.EndPoint.ToString(), fast.Password)])
        {
            ServerTimeout = TimeSpan.FromSeconds(5),
            TimeProvider = time,
        };

        await using IAsyncEnumerator<RconFleetResult> results = fleet.ExecuteStreamAsync("echo work").GetAsyncEnumerator();
        Assert.True(await results.MoveNextAsync().AsTask().WaitAsync(Connect.Guard));
        RconFleetResult first = results.Current;
        await Poll.UntilAsync(() => slow.Console.ExecutedCommands.Count > 0 || slow.ConnectionCount > 0);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await results.MoveNextAsync().AsTask().WaitAsync(Connect.Guard));
        RconFleetResult second = results.Current;

        Assert.Equal((fast.EndPoint.ToString(), "work\n"), (first.Server, first.Response));
        Assert.Equal(slow.EndPoint.ToString(), second.Server);
        Assert.IsType<TimeoutException>(second.Error);
        Assert.False(await results.MoveNextAsync());
    }

    [Fact]
    public async Task Status_comes_back_typed_and_servers_can_join_and_leave_the_fleet()
    {
        await using var first = EmulatedServer.Start();
        await using var second = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
        await using var fleet = new RconFleet([new RconFleetServer(first.EndPoint.ToString(), first.Password)]);

        Assert.True(fleet.Add(new RconFleetServer(second.EndPoint.ToString(), second.Password)));
        Assert.False(fleet.Add(new RconFleetServer(second.EndPoint.ToString(), second.Password)));
        List<RconFleetResult> statuses = await fleet.GetStatusAsync().ToListAsync();
        Assert.True(await fleet.RemoveAsync(first.EndPoint.ToString()));
        IReadOnlyList<RconFleetResult> after = await fleet.ExecuteAsync("echo left");

        Assert.Equal(2, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(3, s.Status!.Players.Count));
        Assert.Contains(statuses, s => s.Status!.Format == ServerStatusFormat.Cs2);
        Assert.Equal(second.EndPoint.ToString(), Assert.Single(after).Server);
        Assert.False(await fleet.RemoveAsync(first.EndPoint.ToString()));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
