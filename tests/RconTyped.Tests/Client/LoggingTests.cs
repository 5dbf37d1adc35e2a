using Microsoft.Extensions.Logging;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class LoggingTests
{
    [Fact]
    public async Task Packets_are_logged_at_trace_and_the_password_never_is()
    {
        const string password = "Sup3r-Secret-Pw";
        var logger = new CapturingLogger();
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Password = password });
        await using (RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Logger = logger }))
        {
            await client.ExecuteAsync("echo logged").WaitAsync(Connect.Guard);
        }

        await using (var wrong = new RconClient(server.EndPoint, new RconClientOptions { Logger = logger }))
        {
            await wrong.ConnectAsync();
            await Assert.ThrowsAsync<RconAuthenticationException>(() => wrong.AuthenticateAsync(password + "-wrong").WaitAsync(Connect.Guard));
        }

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Trace && e.Message.Contains("echo logged", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Trace && e.Message.Contains("(password not logged)", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("Authenticated", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));
    }
}
