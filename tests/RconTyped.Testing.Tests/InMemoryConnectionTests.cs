namespace RconTyped.Testing.Tests;

public class InMemoryConnectionTests
{
    [Fact]
    public async Task Either_end_can_be_closed_while_the_other_reads_and_the_reader_sees_the_end()
    {
        await using var server = EmulatedServer.Start();
        var buffer = new byte[16];
        for (int i = 0; i < 50; i++)
        {
            // The emulator's connection is reading: dropping it must not throw, and the client reads the end of the stream.
            using Stream dropped = server.ConnectInMemory();
            Task<int> clientRead = dropped.ReadAsync(buffer).AsTask();
            server.DropConnections();
            Assert.Equal(0, await clientRead.WaitAsync(TimeSpan.FromSeconds(10)));

            // The client closes its own end while a read is pending: the read ends instead of waiting for ever.
            Stream closed = server.ConnectInMemory();
            Task<int> pending = closed.ReadAsync(buffer).AsTask();
            closed.Dispose();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }
}
