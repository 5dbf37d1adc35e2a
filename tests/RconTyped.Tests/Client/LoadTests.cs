using System.Globalization;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

[Collection(HeavyLoadCollection.Name)]
public class LoadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hundred_connections_with_five_hundred_pipelined_commands_each_lose_and_misroute_nothing()
    {
        const int Connections = 200;
        const int Commands = 500;
        await using var server = EmulatedServer.Start();
        long baseline = Settle();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        int checkedAnswers = 0;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async c =>
        {
            await using RconClient client = await Connect.AuthenticatedAsync(server);
            Task<string>[] answers = Enumerable.Range(0, Commands)
                .Select(i => client.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"echo c{c}-i{i}")))
                .ToArray();
            string[] results = await Task.WhenAll(answers);
            for (int i = 0; i < Commands; i++)
            {
                Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"c{c}-i{i}\n"), results[i]);
            }

            Interlocked.Add(ref checkedAnswers, results.Length);
        })).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(Connections * Commands, checkedAnswers);
        TimeSpan elapsed = clock.Elapsed;
        long after = Settle();
        output.WriteLine($"{checkedAnswers} answers checked in {elapsed.TotalSeconds:F2} s ({checkedAnswers / elapsed.TotalSeconds:F0}/s); managed memory {baseline / 1024 / 1024} MB before, {after / 1024 / 1024} MB after");

        // Every client is disposed: what they held is garbage now. The emulator keeps its last 100,000 statements,
        // a few MB; anything far beyond that would be a leak.
        Assert.True(after - baseline < 64L * 1024 * 1024, $"managed memory grew by {(after - baseline) / 1024 / 1024} MB");
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
