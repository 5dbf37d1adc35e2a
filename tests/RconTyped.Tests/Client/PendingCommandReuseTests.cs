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
    public async Task An_answer_read_by_its_caller_leaves_the_command_to_its_thread_as_a_new_generation()
    {
        PendingCommand command = Fresh();
        command.Initialize(1, PendingCommand.NoEndMarker, "echo hi", long.MaxValue, 1024, textOnly: true);
        int first = command.Generation;
        ValueTask<string> text = command.Text;
        Answer(command, "hi");

        Assert.Equal("hi", await text); // completed already: read on this thread
        Assert.Equal(first + 1, command.Generation);
        Assert.False(command.IsFinished);
        Assert.Equal(0, command.Body.Length);
        Assert.False(command.TryClaim(first)); // an expiry collected for the first use claims nothing
        Assert.True(command.TryClaim(first + 1));
        Assert.Same(command, PendingCommand.Rent());
        Assert.NotSame(command, PendingCommand.Rent()); // kept once, not shared
    }

    [Fact]
    public async Task A_reused_command_keeps_no_trace_of_the_previous_answer()
    {
        PendingCommand command = Fresh();
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
        PendingCommand command = Fresh();
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
        PendingCommand command = Fresh();
        command.Initialize(1, PendingCommand.NoEndMarker, "echo", long.MaxValue, 1024, textOnly: true);
        ValueTask<string> text = command.Text;
        Assert.True(command.TryFail(new TimeoutException("late")));

        await Assert.ThrowsAsync<TimeoutException>(async () => await text);
        Assert.NotSame(command, PendingCommand.Rent());
    }

    [Fact]
    public async Task A_closing_table_cannot_fail_the_next_use_of_a_command_answered_meanwhile()
    {
        using var table = new PendingCommands(new FakeTimeProvider(), Timeout.InfiniteTimeSpan, (_, _) => { });
        PendingCommand command = Fresh();
        command.Initialize(1, PendingCommand.NoEndMarker, "echo", table.NextDeadline(), 1024, textOnly: true);
        Assert.True(table.TryAdd(command));
        ValueTask<string> first = command.Text;
        Assert.True(command.TryAppend(new System.Buffers.ReadOnlySequence<byte>("one"u8.ToArray())));
        Assert.True(command.TryStage(Encoding.UTF8, RconDialect.Source)); // answered, not yet removed: the connection closes now
        var waiting = table.Close();
        command.Deliver();
        Assert.Equal("one", await first);

        command.Initialize(2, PendingCommand.NoEndMarker, "echo", long.MaxValue, 1024, textOnly: true); // the next command
        ValueTask<string> second = command.Text;
        (PendingCommand held, int generation) = Assert.Single(waiting);
        Assert.False(held.TryFail(new InvalidOperationException("closed"), generation));
        Answer(command, "two");
        Assert.Equal("two", await second);
    }

    [Fact]
    public async Task The_deadline_of_a_previous_use_never_times_out_the_next()
    {
        var time = new FakeTimeProvider();
        var expired = new List<(int Id, int Generation)>();
        using var table = new PendingCommands(time, TimeSpan.FromSeconds(5), (command, generation) => expired.Add((command.Id, generation)));
        var older = new PendingCommand(1, PendingCommand.NoEndMarker, "status", table.NextDeadline(), 1024);
        Assert.True(table.TryAdd(older)); // unanswered: keeps the reused command's first entry in the queue behind it
        PendingCommand command = Fresh();

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

    /// <summary>A pooled command (perhaps one an earlier test on this thread left, which is as good as new).</summary>
    private static PendingCommand Fresh() => PendingCommand.Rent();
}
