using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Cli.Tests;

/// <summary>
/// Times out a command the emulator leaves unanswered, without waiting: once the server has run it (so the tool is waiting
/// for its answer), the tool's fake clock moves past the timeout, once, and nothing else the tool does is affected.
/// </summary>
internal static class UnansweredCommand
{
    public static async Task TimeOutAsync(EmulatedServer server, string command, FakeTimeProvider time, TimeSpan timeout)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!server.Console.ExecutedCommands.Contains(command))
        {
            await Task.Delay(10, guard.Token);
        }

        time.Advance(timeout);
    }
}
