using System.Globalization;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class PipeliningTests
{
    [Theory]
    [InlineData(EmulatedServerMode.Source)]
    [InlineData(EmulatedServerMode.Cs2)]
    public async Task A_thousand_concurrent_commands_each_get_their_own_answer(EmulatedServerMode mode)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Task<string>[] answers = Enumerable.Range(0, 1000)
            .Select(i => Task.Run(() => client.ExecuteAsync($"echo payload-{i}-{i * 7919}")))
            .ToArray();
        string[] results = await Task.WhenAll(answers).WaitAsync(Connect.Guard);

        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal($"payload-{i}-{i * 7919}\n", results[i]);
        }
    }

    [Fact]
    public async Task Concurrent_long_and_short_answers_are_not_mixed()
    {
        await using var server = EmulatedServer.Start();
        server.Console.AddCommand("big", args => ExecuteTests.Pattern(int.Parse(args[0], CultureInfo.InvariantCulture)));
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Task<string>[] answers = Enumerable.Range(0, 60)
            .Select(i => client.ExecuteAsync(i % 3 == 0 ? $"big {5000 + (i * 997)}" : $"echo {i}"))
            .ToArray();
        string[] results = await Task.WhenAll(answers).WaitAsync(Connect.Guard);

        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 3 == 0 ? ExecuteTests.Pattern(5000 + (i * 997)) : $"{i}\n", results[i]);
        }
    }
}
