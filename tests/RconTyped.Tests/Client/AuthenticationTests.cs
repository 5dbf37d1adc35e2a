using System.Net;
using RconTyped.Protocol;
using RconTyped.Testing;

namespace RconTyped.Tests.Client;

public class AuthenticationTests
{
    private const string Secret = "hunter2-Secret";

    [Theory]
    [InlineData(EmulatedServerMode.Source, "Source")]
    [InlineData(EmulatedServerMode.Cs2, "CS2")]
    public async Task Auto_dialect_is_decided_by_the_auth_handshake(EmulatedServerMode mode, string dialect)
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Mode = mode });
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        Assert.True(client.IsConnected);
        Assert.True(client.IsAuthenticated);
        Assert.Equal(dialect, client.Dialect.Name);
        Assert.Equal("hi\n", await client.ExecuteAsync("echo hi").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task A_wrong_password_says_so_keeps_the_connection_and_never_shows_the_password()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Password = "right" });
        await using var client = new RconClient(server.EndPoint);
        await client.ConnectAsync();

        var e = await Assert.ThrowsAsync<RconAuthenticationException>(() => client.AuthenticateAsync(Secret).WaitAsync(Connect.Guard));

        Assert.Equal(RconAuthenticationFailure.WrongPassword, e.Failure);
        Assert.Contains("password", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
        Assert.False(client.IsAuthenticated);
        Assert.True(client.IsConnected);
        Assert.DoesNotContain(Secret, client.ToString(), StringComparison.Ordinal);

        // The caller may try again by hand; the client itself never retries.
        await client.AuthenticateAsync("right").WaitAsync(Connect.Guard);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task A_ban_after_repeated_failures_is_reported_as_a_closed_connection_with_how_to_lift_it()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { Password = "Correct-Horse-9", MaxAuthFailures = 2 });
        for (int attempt = 0; attempt < 2; attempt++)
        {
            await using var failing = new RconClient(server.EndPoint);
            await failing.ConnectAsync();
            var wrong = await Assert.ThrowsAsync<RconAuthenticationException>(() => failing.AuthenticateAsync(Secret).WaitAsync(Connect.Guard));
            Assert.Equal(RconAuthenticationFailure.WrongPassword, wrong.Failure);
        }

        Assert.True(server.IsBanned(IPAddress.Loopback));
        await using var banned = new RconClient(server.EndPoint);
        await banned.ConnectAsync();
        var e = await Assert.ThrowsAsync<RconAuthenticationException>(() => banned.AuthenticateAsync("Correct-Horse-9").WaitAsync(Connect.Guard));

        Assert.Equal(RconAuthenticationFailure.ConnectionClosed, e.Failure);
        Assert.Contains("banned", e.Message, StringComparison.Ordinal);
        Assert.Contains("removeip", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Correct-Horse-9", e.ToString(), StringComparison.Ordinal);
        Assert.True(banned.IsClosed);
        Assert.Equal(3, server.ConnectionCount);
    }

    [Fact]
    public async Task The_ban_is_lifted_by_removeip()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { MaxAuthFailures = 1 });
        await using (var failing = new RconClient(server.EndPoint))
        {
            await failing.ConnectAsync();
            await Assert.ThrowsAsync<RconAuthenticationException>(() => failing.AuthenticateAsync("wrong").WaitAsync(Connect.Guard));
        }

        server.RemoveIp(IPAddress.Loopback);
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task Leading_response_values_before_the_auth_response_are_skipped_whatever_their_number()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            var (auth, _) = await ScriptedServer.ReadPacketAsync(socket);
            byte[] noise = [.. ScriptedServer.Packet(auth.Id, RconPacketType.ResponseValue, []), .. ScriptedServer.Packet(99, RconPacketType.ResponseValue, "motd"u8.ToArray())];
            await socket.SendAsync(noise);
            await socket.SendAsync(ScriptedServer.Packet(auth.Id, RconPacketType.AuthResponse, []));
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, "ok"u8.ToArray()));
            await ScriptedServer.ReadPacketAsync(socket); // the mirror's empty packet
            await socket.SendAsync(ScriptedServer.Packet(command.Id + 1, RconPacketType.ResponseValue, []));
            await Task.Delay(200);
        });
        await using var client = new RconClient(server.EndPoint);
        await client.ConnectAsync();
        await client.AuthenticateAsync("x").WaitAsync(Connect.Guard);

        Assert.Equal("Source", client.Dialect.Name);
        Assert.Equal("ok", await client.ExecuteAsync("anything").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task Commands_before_connect_or_authentication_are_refused_with_what_to_do()
    {
        await using var server = EmulatedServer.Start();
        await using var client = new RconClient(server.EndPoint);

        var notConnected = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ExecuteAsync("status"));
        Assert.Contains("ConnectAsync", notConnected.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.AuthenticateAsync("x"));

        await client.ConnectAsync();
        var notAuthenticated = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ExecuteAsync("status"));
        Assert.Contains("AuthenticateAsync", notAuthenticated.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ConnectAsync());
    }

    [Fact]
    public async Task A_refused_connection_raises_RconConnectionException_naming_the_address()
    {
        int port;
        await using (var server = EmulatedServer.Start())
        {
            port = server.Port;
        }

        await using var client = new RconClient("127.0.0.1", port);
        var e = await Assert.ThrowsAsync<RconConnectionException>(() => client.ConnectAsync().WaitAsync(Connect.Guard));

        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task A_server_that_closes_right_after_authentication_fails_the_next_command_with_a_connection_error()
    {
        var options = new EmulatedServerOptions();
        options.Faults.CloseAfterAuthentication = true;
        await using var server = EmulatedServer.Start(options);
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        await Assert.ThrowsAnyAsync<RconConnectionException>(() => client.ExecuteAsync("echo hi").WaitAsync(Connect.Guard));
        Assert.True(client.IsClosed);
        await Assert.ThrowsAsync<RconConnectionException>(() => client.ExecuteAsync("echo again").WaitAsync(Connect.Guard));
    }

    [Fact]
    public async Task A_server_that_withdraws_the_authentication_fails_waiting_commands_as_revoked_and_a_new_authentication_works()
    {
        await using var server = new ScriptedServer(async socket =>
        {
            await ScriptedServer.AcceptAuthAsync(socket);
            await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(ScriptedServer.Packet(-1, RconPacketType.AuthResponse, []));
            await ScriptedServer.AcceptAuthAsync(socket);
            var (command, _) = await ScriptedServer.ReadPacketAsync(socket);
            await socket.SendAsync(ScriptedServer.Packet(command.Id, RconPacketType.ResponseValue, "back"u8.ToArray()));
            await ScriptedServer.ReadPacketAsync(socket);
        });
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Dialect = RconDialect.Cs2 });

        var e = await Assert.ThrowsAsync<RconAuthenticationException>(() => client.ExecuteAsync("status").WaitAsync(Connect.Guard));

        Assert.Equal(RconAuthenticationFailure.Revoked, e.Failure);
        Assert.False(client.IsAuthenticated);
        Assert.True(client.IsConnected);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ExecuteAsync("status"));
        await client.AuthenticateAsync("again").WaitAsync(Connect.Guard);
        Assert.Equal("back", await client.ExecuteAsync("status").WaitAsync(Connect.Guard));
    }
}
