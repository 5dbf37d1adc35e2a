using System.Diagnostics;
using RconTyped.Testing;

namespace RconTyped.Benchmarks;

/// <summary>One million commands on one connection, 64 in flight, printing managed memory as it goes: it must stay flat.</summary>
internal static class Soak
{
    public static async Task RunAsync(int total = 1_000_000, int inFlight = 64)
    {
        await using var server = EmulatedServer.Start();
        await using var client = new RconClient(server.EndPoint);
        await client.ConnectAsync();
        await client.AuthenticateAsync(server.Password);
        var clock = Stopwatch.StartNew();
        var batch = new Task<string>[inFlight];
        for (int done = 0; done < total; done += inFlight)
        {
            for (int i = 0; i < inFlight; i++)
            {
                batch[i] = client.ExecuteAsync("echo soak");
            }

            foreach (string answer in await Task.WhenAll(batch))
            {
                if (answer != "soak\n")
                {
                    throw new InvalidOperationException($"Wrong answer after {done} commands: {answer}");
                }
            }

            if ((done + inFlight) % 100_000 < inFlight)
            {
                GC.Collect();
                Console.WriteLine($"{done + inFlight,9:N0} commands  {clock.Elapsed.TotalSeconds,6:F1} s  managed {GC.GetTotalMemory(true) / 1024.0 / 1024.0,6:F1} MB  working set {Environment.WorkingSet / 1024.0 / 1024.0,6:F1} MB");
            }
        }

        Console.WriteLine($"{total:N0} commands in {clock.Elapsed.TotalSeconds:F1} s ({total / clock.Elapsed.TotalSeconds:F0}/s), every answer checked.");
    }
}
