using System.Diagnostics;
using System.Net;

namespace RconTyped.Benchmarks;

/// <summary>
/// The console mode that <c>../shared/bench/compare.sh</c> drives against its C server (password <c>pw</c>):
/// <c>--compare seq PORT COUNT</c> runs COUNT sequential <c>echo hi</c>; <c>--compare piped PORT COUNT K</c> runs
/// COUNT commands from K loops sharing one client. Both warm up untimed, check every answer, and print commands
/// per second as the last line.
/// </summary>
internal static class CompareRun
{
    private const string Command = "echo hi";
    private const string Expected = "hi\n";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("RCON_BENCH_WARMUP") ?? "2", System.Globalization.CultureInfo.InvariantCulture));

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length >= 4 && args[1] == "alloc" && int.TryParse(args[2], out int allocPort) && int.TryParse(args[3], out int allocCount))
        {
            return await AllocationPerCommandAsync(allocPort, allocCount);
        }

        if (args.Length >= 4 && args[1] == "idle" && int.TryParse(args[2], out int idlePort) && int.TryParse(args[3], out int connections))
        {
            return await MemoryPerIdleConnectionAsync(idlePort, connections);
        }

        if (args.Length >= 4 && args[1] == "bare-seq" && int.TryParse(args[2], out int barePort) && int.TryParse(args[3], out int bareCount))
        {
            return await BareSocketSequentialAsync(barePort, bareCount);
        }

        if (args.Length < 4 || (args[1] != "seq" && args[1] != "piped") || !int.TryParse(args[2], out int port) || !int.TryParse(args[3], out int count)
            || (args[1] == "piped" && (args.Length < 5 || !int.TryParse(args[4], out _))))
        {
            Console.Error.WriteLine("usage: --compare seq PORT COUNT | --compare bare-seq PORT COUNT | --compare piped PORT COUNT K | --compare alloc PORT COUNT | --compare idle PORT CONNECTIONS");
            return 2;
        }

        int loops = args[1] == "piped" ? int.Parse(args[4]) : 1;
        await using var client = new RconClient(new IPEndPoint(IPAddress.Loopback, port), new RconClientOptions { Dialect = RconDialect.Source });
        await client.ConnectAsync();
        await client.AuthenticateAsync("pw");

        // Warm-up, untimed: long enough for tiered compilation to replace the first, unoptimised code (on one shared CPU the
        // background compiler needs a second or so); the C floor has no JIT to wait for.
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < WarmUp)
        {
            await RunLoopsAsync(client, Math.Max(loops, 2000), loops);
        }

        var clock = Stopwatch.StartNew();
        await RunLoopsAsync(client, count, loops);
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{args[1]}: {count} commands, {loops} in flight, {seconds:F3} s");
        Console.WriteLine($"{count / seconds:F0}");
        return 0;
    }

    /// <summary>
    /// Bytes allocated by the whole process per sequential <c>ExecuteAsync("echo hi")</c>, answer string included. The server
    /// is another process (the C server), so every byte counted is the client's.
    /// </summary>
    private static async Task<int> AllocationPerCommandAsync(int port, int count)
    {
        await using var client = new RconClient(new IPEndPoint(IPAddress.Loopback, port), new RconClientOptions { Dialect = RconDialect.Source });
        await client.ConnectAsync();
        await client.AuthenticateAsync("pw");
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < WarmUp)
        {
            await LoopAsync(client, 2000); // warm-up: JIT tiers, pools
        }

        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await LoopAsync(client, count);
        long after = GC.GetTotalAllocatedBytes(precise: true);
        Console.WriteLine($"alloc: {count} sequential commands, {after - before} bytes");
        Console.WriteLine($"{(after - before) / (double)count:F1}");
        return 0;
    }

    /// <summary>
    /// Resident memory per idle authenticated connection: after a first batch of CONNECTIONS clients, RSS after opening
    /// CONNECTIONS more (each answered one command, then left idle), minus RSS before them, over CONNECTIONS, after full
    /// collections.
    /// </summary>
    private static async Task<int> MemoryPerIdleConnectionAsync(int port, int connections)
    {
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        var options = new RconClientOptions { Dialect = RconDialect.Source };
        await using (var warm = new RconClient(endPoint, options))
        {
            await warm.ConnectAsync();
            await warm.AuthenticateAsync("pw");
            await LoopAsync(warm, 1000);
        }

        // A first batch, not measured, so the runtime's own growth with load (GC regions kept for reuse, pools) is paid
        // before the second: the figure is what one more idle connection costs.
        var clients = new List<RconClient>(2 * connections);
        await OpenIdleAsync(endPoint, options, connections, clients);
        long rssBefore = SettledResidentBytes(out long heapBefore);
        int threadsBefore = System.Diagnostics.Process.GetCurrentProcess().Threads.Count;
        await OpenIdleAsync(endPoint, options, connections, clients);

        await Task.Delay(500);
        long rssAfter = SettledResidentBytes(out long heapAfter);
        Console.WriteLine(
            $"idle: {connections} connections, RSS +{(rssAfter - rssBefore) / 1024} KiB, managed heap +{(heapAfter - heapBefore) / 1024} KiB " +
            $"({(heapAfter - heapBefore) / (double)connections / 1024:F2} KiB per connection), threads {threadsBefore} -> {System.Diagnostics.Process.GetCurrentProcess().Threads.Count}");
        Console.WriteLine($"{(rssAfter - rssBefore) / (double)connections / 1024:F2}");
        if (Environment.GetEnvironmentVariable("RCON_BENCH_HOLD") is { } hold)
        {
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(hold, System.Globalization.CultureInfo.InvariantCulture))); // time to take a heap dump
        }

        foreach (RconClient client in clients)
        {
            await client.DisposeAsync();
        }

        return 0;
    }

    private static async Task OpenIdleAsync(IPEndPoint endPoint, RconClientOptions options, int count, List<RconClient> clients)
    {
        for (int i = 0; i < count; i++)
        {
            var client = new RconClient(endPoint, options);
            await client.ConnectAsync();
            await client.AuthenticateAsync("pw");
            await LoopAsync(client, 1);
            clients.Add(client);
        }
    }

    private static long SettledResidentBytes(out long managedHeap)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        managedHeap = GC.GetTotalMemory(forceFullCollection: true);
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// The same sequential exchange on a bare .NET socket (<see cref="RawSocketClient"/>: awaits on <c>Socket</c>, one buffer,
    /// no routing): the most any async .NET client gets from the runtime's socket engine on this machine.
    /// </summary>
    private static async Task<int> BareSocketSequentialAsync(int port, int count)
    {
        using var client = new RawSocketClient();
        await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), "pw");
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < WarmUp)
        {
            await BareLoopAsync(client, 2000);
        }

        var clock = Stopwatch.StartNew();
        await BareLoopAsync(client, count);
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"bare-seq: {count} commands, {seconds:F3} s");
        Console.WriteLine($"{count / seconds:F0}");
        return 0;
    }

    private static async Task BareLoopAsync(RawSocketClient client, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (await client.ExecuteAsync(Command).ConfigureAwait(false) != Expected.Length)
            {
                throw new InvalidOperationException($"Wrong answer length to '{Command}'");
            }
        }
    }

    private static Task RunLoopsAsync(RconClient client, int count, int loops)
    {
        if (loops == 1)
        {
            return LoopAsync(client, count);
        }

        var tasks = new Task[loops];
        for (int i = 0; i < loops; i++)
        {
            tasks[i] = LoopAsync(client, count / loops + (i < count % loops ? 1 : 0));
        }

        return Task.WhenAll(tasks);
    }

    private static async Task LoopAsync(RconClient client, int count)
    {
        for (int i = 0; i < count; i++)
        {
            string answer = await client.ExecuteAsync(Command).ConfigureAwait(false);
            if (answer != Expected)
            {
                throw new InvalidOperationException($"Wrong answer to '{Command}': '{answer}'");
            }
        }
    }
}
