using Microsoft.Extensions.Time.Testing;

namespace RconTyped.Tests.Client;

/// <summary>One timer per connection, armed for the oldest unfinished deadline.</summary>
public class PendingCommandsTests
{
    [Fact]
    public void Each_command_expires_at_its_own_deadline_and_a_finished_one_never_does()
    {
        var time = new FakeTimeProvider();
        var expired = new List<int>();
        using var table = new PendingCommands(time, TimeSpan.FromSeconds(5), (command, _) => expired.Add(command.Id));
        PendingCommand first = Add(table, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        PendingCommand second = Add(table, 2);
        time.Advance(TimeSpan.FromSeconds(1));
        PendingCommand third = Add(table, 3);

        Assert.True(second.TryFail(new InvalidOperationException("answered")));
        table.Remove(second);
        time.Advance(TimeSpan.FromSeconds(2.9)); // t = 4.9
        Assert.Empty(expired);
        time.Advance(TimeSpan.FromSeconds(0.1)); // t = 5: the first
        Assert.Equal([1], expired);
        time.Advance(TimeSpan.FromSeconds(1.9)); // t = 6.9: the second finished, the third not due
        Assert.Equal([1], expired);
        time.Advance(TimeSpan.FromSeconds(0.1)); // t = 7: the third
        Assert.Equal([1, 3], expired);
        Assert.Null(table.Find(2));
        Assert.Same(third, table.Find(3)); // expiry reports; the connection removes
        Assert.Same(first, table.Find(1));
    }

    [Fact]
    public void A_closed_table_refuses_new_commands_and_hands_back_each_waiting_one_once()
    {
        using var table = new PendingCommands(new FakeTimeProvider(), Timeout.InfiniteTimeSpan, (_, _) => throw new InvalidOperationException("no deadline"));
        PendingCommand withMarker = new(1, 2, "status", table.NextDeadline(), 1024);
        Assert.True(table.TryAdd(withMarker));
        Assert.Same(withMarker, table.Find(2));

        Assert.Equal([(withMarker, withMarker.Generation)], table.Close());
        Assert.False(table.TryAdd(new PendingCommand(3, PendingCommand.NoEndMarker, "echo", table.NextDeadline(), 1024)));
        Assert.Empty(table.Close());
    }

    private static PendingCommand Add(PendingCommands table, int id)
    {
        var command = new PendingCommand(id, PendingCommand.NoEndMarker, "echo", table.NextDeadline(), 1024);
        Assert.True(table.TryAdd(command));
        return command;
    }
}
