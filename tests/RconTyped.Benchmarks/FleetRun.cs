using System.Diagnostics;
using RconTyped.Testing;

namespace RconTyped.Benchmarks;

/// <summary>
/// <c>--fleet N</c>: N emulated servers in this process and one persistent <see cref="RconFleet"/> over them. Prints the time
/// from the first connect to every server's typed status, the time of a broadcast once connected (median of 20), and memory:
/// the process, and what the fleet adds (its N clients and, since the servers live in this process, the N server-side
/// connections they open).
/// </summary>
internal static class FleetRun
{
    public static async Task<int> RunAsync(int count)
    {
        var servers = new List<EmulatedServer>(count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                var options = new EmulatedServerOptions();
                options.Players.Clear();
                options.Players.Add(new EmulatedPlayer($"player{i}") { SteamId = SteamId.Parse($"[U:1:{i + 1}]") });
                servers.Add(EmulatedServer.Start(options));
            }

            long before = Settle();
            await using var fleet = new RconFleet(servers.Select(s => new RconFleetServer(s.EndPoint.ToString(), s.Password, new RconClientOptions { Dialect = RconDialect.Source })), maxConcurrency: 64);

            var connecting = Stopwatch.StartNew();
            int players = 0, failures = 0;
            await foreach (RconFleetResult result in fleet.GetStatusAsync())
            {
                players += result.Status?.Players.Count ?? 0;
                failures += result.Succeeded ? 0 : 1;
            }

            connecting.Stop();
            var broadcasts = new List<double>();
            for (int round = 0; round < 20; round++)
            {
                var broadcast = Stopwatch.StartNew();
                IReadOnlyList<RconFleetResult> results = await fleet.ExecuteAsync("say hello fleet");
                broadcasts.Add(broadcast.Elapsed.TotalMilliseconds);
                failures += results.Count(r => !r.Succeeded);
            }

            long after = Settle();
            broadcasts.Sort();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"fleet: {count} servers, {players} players read, {failures} failures");
            Console.WriteLine($"first connect to every status: {connecting.Elapsed.TotalMilliseconds:F0} ms");
            Console.WriteLine($"broadcast once connected: median {broadcasts[broadcasts.Count / 2]:F1} ms (min {broadcasts[0]:F1}, max {broadcasts[^1]:F1}, 20 rounds)");
            Console.WriteLine($"managed heap added by the fleet and its server-side connections: {(after - before) / 1024.0 / 1024.0:F2} MB; process working set {process.WorkingSet64 / 1024.0 / 1024.0:F0} MB");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            foreach (EmulatedServer server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
