using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace RconTyped.Tests.Client;

/// <summary>
/// An answered command object is reused for the next command; nothing that held its previous use (the deadline queue, an
/// expiry already collected, a closing table) may act on the next one.
/// </summary>
public class PendingCommandReuseTests
{
    [Fact]
    public async Task An_answer_read_by_its_caller_sends_the_command_home_as_a_new_generation()
    {
        var home = new Home();
        var command = new PendingCommand(home);
        command.Initialize(1, PendingCommand.NoEndMarker, "echo hi", long.MaxValue, 1024, textOnly: true);
        int first = command.Generation;
        ValueTask<string> text = command.Text;
        Answer(command, "hi");

        Assert.Equal("hi", await text);
        Assert.Same(command, Assert.Single(home.Returned));
        Assert.Equal(first + 1, command.Generation);
        Assert.False(command.IsFinished);
        Assert.Equal(0, command.Body.Length);
        Assert.False(command.TryClaim(first)); // an expiry collected for the first use claims nothing
        Assert.True(command.TryClaim(first + 1));
    }

    [Fact]
    public async Task A_reused_command_keeps_no_trace_of_the_previous_answer()
    {
        var home = new Home();
        var command = new PendingCommand(home);
        command.Initialize(1, PendingCommand.NoEndMarker, "echo long", long.MaxValue, 1024, textOnly: true);
        ValueTask<string> first = command.Text;
        Answer(command, "a longer first answer");
        Assert.Equal("a longer first answer", await first);

        command.Initialize(2, PendingCommand.NoEndMarker, "echo x", long.MaxValue, 1024, textOnly: true);
        ValueTask<string> second = command.Text;
        Answer(command, "x");
        Assert.Equal("x", await second);
    }

    [Fact]
    public async Task A_response_keeps_its_bytes_when_the_command_is_reused()
    {
        var home = new Home();
        var command = new PendingCommand(home);
        command.Initialize(1, PendingCommand.NoEndMarker, "status", long.MaxValue, 1024, textOnly: false);
        ValueTask<RconResponse> answer = command.Answer;
        Answer(command, "first");
        RconResponse response = await answer;

        command.Initialize(2, PendingCommand.NoEndMarker, "echo", long.MaxValue, 1024, textOnly: false);
        ValueTask<RconResponse> next = command.Answer;
        Answer(command, "other");
        Assert.Equal("other", (await next).Text);
        Assert.Equal("first"u8.ToArray(), response.Body.ToArray());
    }

    [Fact]
    public async Task A_failed_command_is_never_reused()
    {
        var home = new Home();
        var command = new PendingCommand(home);
        command.Initialize(1, PendingCommand.NoEndMarker, "echo", long.MaxValue, 1024, textOnly: true);
        ValueTask<string> text = command.Text;
        Assert.True(command.TryFail(new TimeoutException("late")));

        await Assert.ThrowsAsync<TimeoutException>(async () => await text);
        Assert.Empty(home.Returned);
    }

    [Fact]
    public async Task The_deadline_of_a_previous_use_never_times_out_the_next()
    {
        var time = new FakeTimeProvider();
        var expired = new List<(int Id, int Generation)>();
        using var table = new PendingCommands(time, TimeSpan.FromSeconds(5), (command, generation) => expired.Add((command.Id, generation)));
        var older = new PendingCommand(1, PendingCommand.NoEndMarker, "status", table.NextDeadline(), 1024);
        Assert.True(table.TryAdd(older)); // unanswered: keeps the reused command's first entry in the queue behind it
        var command = new PendingCommand(new Home());

        time.Advance(TimeSpan.FromSeconds(1));
        command.Initialize(2, PendingCommand.NoEndMarker, "echo", table.NextDeadline(), 1024, textOnly: true);
        Assert.True(table.TryAdd(command));
        ValueTask<string> first = command.Text;
        Answer(command, "one");
        table.Remove(command);
        Assert.Equal("one", await first);

        time.Advance(TimeSpan.FromSeconds(2)); // t = 3: the same object, the next command
        command.Initialize(3, PendingCommand.NoEndMarker, "echo", table.NextDeadline(), 1024, textOnly: true);
        Assert.True(table.TryAdd(command));

        time.Advance(TimeSpan.FromSeconds(2)); // t = 5: the older command only
        Assert.Equal([(1, older.Generation)], expired);
        time.Advance(TimeSpan.FromSeconds(2.9)); // t = 7.9
        Assert.Single(expired);
        time.Advance(TimeSpan.FromSeconds(0.1)); // t = 8: the next command's own deadline, once
        Assert.Equal([(1, older.Generation), (3, command.Generation)], expired);
    }

    private static void Answer(PendingCommand command, string text)
    {
        Assert.True(command.TryAppend(new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text))));
        Assert.True(command.TryStage(Encoding.UTF8, RconDialect.Source));
        command.Deliver();
    }

    private sealed class Home : ICommandRecycler
    {
        public List<PendingCommand> Returned { get; } = [];

        public void Recycle(PendingCommand command) => Returned.Add(command);
    }
}
