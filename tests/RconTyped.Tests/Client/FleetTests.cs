using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class FleetTests
{
    [Fact]
    public async Task Every_server_gets_the_command_and_failures_stay_with_their_server()
    {
        await using var first = EmulatedSourceServer.Start();
        await using var second = EmulatedSourceServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
        await using var locked = EmulatedSourceServer.Start(new EmulatedServerOptions { Password = "other" });
        int closedPort;
        await using (var gone = EmulatedSourceServer.Start())
        {
            closedPort = gone.Port;
        }

        var fleet = new RconFleet(
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
        var servers = new List<EmulatedSourceServer>();
        int inFlight = 0;
        int maxSeen = 0;
        try
        {
            for (int i = 0; i < 8; i++)
            {
                var server = EmulatedSourceServer.Start();
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

            var fleet = new RconFleet(servers.Select(s => new RconFleetServer($"127.0.0.1:{s.Port}", s.Password)), maxConcurrency: 3);
            IReadOnlyList<RconFleetResult> results = await fleet.ExecuteAsync("slow").WaitAsync(Connect.Guard);

            Assert.All(results, r => Assert.Equal("done\n", r.Response));
            Assert.InRange(maxSeen, 1, 3);
        }
        finally
        {
            foreach (EmulatedSourceServer server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
