using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RconTyped.Protocol;

namespace RconTyped.Tests.Client;

/// <summary>
/// Nothing a server sends and nothing a user callback does may stop the read loop silently ("a zombie client"): either
/// the command succeeds, or it fails at once and the client says it is no longer connected. Time is fake, so a zombie
/// would wait for ever: the guard (5 s of real time) fails the test instead of a command timeout hiding it.
/// </summary>
public class ReadLoopResilienceTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_UnsolicitedPacket_handler_that_throws_is_logged_and_the_next_command_is_answered()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            for (int i = 0; i < 2; i++)
            {
                var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
                await socket.SendAsync(ScriptedServer.Packet(0, new RconPacketType(1), "chat line"u8.ToArray()));
                await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, "answer"u8.ToArray()));
            }

            await ScriptedServer.ReadPacketAsync(socket);
        });
        var logger = new CapturingLogger();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Cs2, Logger = logger, TimeProvider = new FakeTimeProvider() });
        int raised = 0;
        client.UnsolicitedPacket += (_, _) =>
        {
            Interlocked.Increment(ref raised);
            throw new InvalidOperationException("a handler bug");
        };

        Assert.Equal("answer", await client.ExecuteAsync("first").WaitAsync(Fast));
        Assert.Equal("answer", await client.ExecuteAsync("second").WaitAsync(Fast));

        Assert.Equal(2, raised);
        Assert.True(client.IsConnected);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("UnsolicitedPacket", StringComparison.Ordinal) && e.Message.Contains("a handler bug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trace_logging_of_an_answer_that_is_not_valid_UTF8_does_not_stop_the_read_loop()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("Café");
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            for (int i = 0; i < 2; i++)
            {
                var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
                await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, latin1));
            }

            await ScriptedServer.ReadPacketAsync(socket);
        });
        var logger = new CapturingLogger();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Cs2, Logger = logger, TimeProvider = new FakeTimeProvider() });

        RconResponse first = await client.ExecuteRawAsync("status").WaitAsync(Fast);
        RconResponse second = await client.ExecuteRawAsync("status").WaitAsync(Fast);

        Assert.Equal(latin1, first.Body.ToArray());
        Assert.Equal(latin1, second.Body.ToArray());
        Assert.Throws<RconEncodingException>(() => first.Text);
        Assert.True(client.IsConnected);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Trace && e.Message.Contains("Caf\uFFFD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fault_inside_the_read_loop_fails_waiting_commands_at_once_with_its_cause_and_the_client_says_so()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, "answer"u8.ToArray()));
            await Task.Delay(2000);
        });
        var logger = new ThrowingLogger();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Cs2, Logger = logger, TimeProvider = new FakeTimeProvider() });
        logger.ThrowOnReceive = true;

        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("status").WaitAsync(Fast));

        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains("logger bug", e.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
        Assert.True(client.IsClosed);
        var later = await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("status").WaitAsync(Fast));
        Assert.Contains("logger bug", later.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnection_event_handlers_that_throw_do_not_stop_the_reconnection()
    {
        await using var emulator = RconTyped.Testing.EmulatedServer.Start();
        var options = new RconClientOptions { Reconnect = new RconReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(1), Jitter = 0 } };
        await using RconClient client = await Connect.AuthenticatedAsync(emulator, options);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Reconnecting += (_, _) => throw new InvalidOperationException("handler bug");
        client.Reconnected += (_, _) => throw new InvalidOperationException("handler bug");
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        emulator.DropConnections();
        await reconnected.Task.WaitAsync(Fast);

        Assert.Equal("hi\n", await client.ExecuteAsync("echo hi").WaitAsync(Fast));
    }

    /// <summary>A logger whose Trace calls for received packets throw once asked to: a user component failing inside the read loop.</summary>
    private sealed class ThrowingLogger : ILogger
    {
        public volatile bool ThrowOnReceive;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (ThrowOnReceive && formatter(state, exception).StartsWith("Received packet", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("logger bug");
            }
        }
    }
}
