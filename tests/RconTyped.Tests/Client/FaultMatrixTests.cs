using System.Globalization;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

/// <summary>
/// The connection dropped at every packet boundary and inside packets of a multi-packet answer, in both modes:
/// every waiting command fails with RconConnectionException, none hangs, none gets a wrong answer.
/// </summary>
public class FaultMatrixTests
{
    private const int AnswerLength = 3 * 4096 + 100; // four packets in Source mode, one in CS2 mode
    private const int AuthBytes = 28;                  // Source sends two empty packets at authentication

    public static TheoryData<EmulatedServerMode, int> DropPoints()
    {
        var data = new TheoryData<EmulatedServerMode, int>();
        int[] boundaries = [0, 4110, 8220, 12330];
        foreach (int boundary in boundaries)
        {
            foreach (int delta in new[] { -1, 0, 1, 4, 11, 13 })
            {
                if (boundary + delta >= 0)
                {
                    data.Add(EmulatedServerMode.Source, boundary + delta);
                }
            }
        }

        foreach (int offset in new[] { 0, 1, 3, 4, 12, 13, 500, 12_000, AnswerLength + 12 })
        {
            data.Add(EmulatedServerMode.Cs2, offset);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DropPoints))]
    public async Task A_drop_anywhere_in_a_long_answer_fails_every_waiting_command_cleanly(EmulatedServerMode mode, int dropAfter)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        server.Console.AddCommand("big", _ => ExecuteTests.Pattern(AnswerLength));
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        server.Options.Faults.DropAfterBytes = dropAfter + (mode == EmulatedServerMode.Source ? AuthBytes : 14);

        Task<string>[] waiting = [client.ExecuteAsync("big"), .. Enumerable.Range(0, 5).Select(i => client.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"echo {i}")))];

        foreach (Task<string> task in waiting)
        {
            Exception? error = await Record.ExceptionAsync(() => task.WaitAsync(Connect.Guard));
            Assert.IsType<RconConnectionException>(error);
        }

        Assert.True(client.IsClosed);
    }
}
