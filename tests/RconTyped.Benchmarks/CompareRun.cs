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

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4 || (args[1] != "seq" && args[1] != "piped") || !int.TryParse(args[2], out int port) || !int.TryParse(args[3], out int count)
            || (args[1] == "piped" && (args.Length < 5 || !int.TryParse(args[4], out _))))
        {
            Console.Error.WriteLine("usage: --compare seq PORT COUNT | --compare piped PORT COUNT K");
            return 2;
        }

        int loops = args[1] == "piped" ? int.Parse(args[4]) : 1;
        await using var client = new RconClient(new IPEndPoint(IPAddress.Loopback, port), new RconClientOptions { Dialect = RconDialect.Source });
        await client.ConnectAsync();
        await client.AuthenticateAsync("pw");

        await RunLoopsAsync(client, Math.Max(loops, Math.Min(count / 10, 5000)), loops); // warm-up, untimed
        var clock = Stopwatch.StartNew();
        await RunLoopsAsync(client, count, loops);
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{args[1]}: {count} commands, {loops} in flight, {seconds:F3} s");
        Console.WriteLine($"{count / seconds:F0}");
        return 0;
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
