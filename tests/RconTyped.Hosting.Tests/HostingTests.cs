using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Hosting.Tests;

/// <summary>AddRcon, the shared clients, typed servers, health checks and keep-alive, against the emulated server.</summary>
public class HostingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Servers_bound_from_configuration_give_one_shared_authenticated_client_per_name()
    {
        await using var server = EmulatedSourceServer.Start();
        string variable = "RCONTYPED_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, server.Password);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rcon:Servers:eu1:Address"] = server.EndPoint.ToString(),
            ["Rcon:Servers:eu1:PasswordVariable"] = variable,
            ["Rcon:Servers:eu1:Dialect"] = "source",
        }).Build();
        await using ServiceProvider provider = new ServiceCollection().AddRcon(configuration.GetSection("Rcon")).BuildServiceProvider();
        var factory = provider.GetRequiredService<IRconClientFactory>();

        RconClient[] clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => factory.GetClientAsync("EU1").AsTask())).WaitAsync(Guard);

        Assert.Single(clients.Distinct());
        Assert.True(clients[0].IsAuthenticated);
        Assert.Equal("Source", clients[0].Dialect.Name);
        Assert.Equal("hi\n", await clients[0].ExecuteAsync("echo hi"));
        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(["eu1"], factory.Names);
        Environment.SetEnvironmentVariable(variable, null);
    }

    [Fact]
    public async Task An_unknown_name_or_missing_password_says_what_to_configure()
    {
        await using ServiceProvider provider = new ServiceCollection()
            .AddRcon(options =>
            {
                options.Servers["eu1"] = new RconServerSettings { Address = "127.0.0.1:1" };
                options.Servers["variable"] = new RconServerSettings { Address = "127.0.0.1:1", PasswordVariable = "RCONTYPED_UNSET_" + Guid.NewGuid().ToString("N") };
                options.Servers["dialect"] = new RconServerSettings { Address = "127.0.0.1:1", Password = "x", Dialect = "quake" };
                options.Servers["address"] = new RconServerSettings { Address = "127.0.0.1:notaport", Password = "x" };
            })
            .BuildServiceProvider();
        var factory = provider.GetRequiredService<IRconClientFactory>();

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClientAsync("us2").AsTask());
        var noPassword = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClientAsync("eu1").AsTask());
        var unsetVariable = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClientAsync("variable").AsTask());
        var dialect = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClientAsync("dialect").AsTask());
        var address = await Assert.ThrowsAsync<ArgumentException>(() => factory.GetClientAsync("address").AsTask());

        Assert.Contains("No RCON server named 'us2'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("has no password", noPassword.Message, StringComparison.Ordinal);
        Assert.Contains("(PasswordVariable) is not set", unsetVariable.Message, StringComparison.Ordinal);
        Assert.Contains("Dialect 'quake' is not one of", dialect.Message, StringComparison.Ordinal);
        Assert.Contains("is not host:port", address.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_attempt_is_not_kept_and_the_password_never_appears_in_the_error()
    {
        await using var server = EmulatedSourceServer.Start(new EmulatedServerOptions { MaxAuthFailures = 0 });
        var settings = new RconServerSettings { Address = server.EndPoint.ToString(), Password = "wrong-hunter2" };
        await using ServiceProvider provider = new ServiceCollection().AddRcon(options => options.Servers["eu1"] = settings).BuildServiceProvider();
        var factory = provider.GetRequiredService<IRconClientFactory>();

        var refused = await Assert.ThrowsAsync<RconAuthenticationException>(() => factory.GetClientAsync("eu1").AsTask().WaitAsync(Guard));
        settings.Password = server.Password;
        RconClient client = await factory.GetClientAsync("eu1").AsTask().WaitAsync(Guard);

        Assert.DoesNotContain("hunter2", refused.ToString(), StringComparison.Ordinal);
        Assert.True(client.IsAuthenticated);
    }

    [Fact]
    public async Task A_typed_server_is_injected_over_the_shared_client()
    {
        await using var server = EmulatedSourceServer.Start();
        await using ServiceProvider provider = new ServiceCollection()
            .AddRcon(options => options.Servers["eu1"] = new RconServerSettings { Address = server.EndPoint.ToString(), Password = server.Password })
            .AddRconServer<PlainServer>("eu1")
            .BuildServiceProvider();

        var typed = provider.GetRequiredService<PlainServer>();

        Assert.Same(await provider.GetRequiredService<IRconClientFactory>().GetClientAsync("eu1"), typed.Client);
        Assert.Equal(3, (await typed.GetPlayersAsync()).Count);
    }

    [Fact]
    public async Task The_health_check_is_healthy_degraded_when_slow_and_unhealthy_with_the_reason()
    {
        await using var server = EmulatedSourceServer.Start();
        var services = new ServiceCollection()
            .AddLogging()
            .AddRcon(options =>
            {
                options.Servers["eu1"] = new RconServerSettings { Address = server.EndPoint.ToString(), Password = server.Password };
                options.Servers["eu1-strict"] = new RconServerSettings { Address = server.EndPoint.ToString(), Password = server.Password };
                options.Servers["down"] = new RconServerSettings { Address = "127.0.0.1:1", Password = "x" };
            });

        // Bounds with wide margins, not timings: a loopback echo well under 10 s is healthy; one delayed 300 ms by the server
        // cannot come back under 100 ms.
        services.AddHealthChecks()
            .AddRconHealthCheck("eu1", degradedAfter: TimeSpan.FromSeconds(10), timeout: TimeSpan.FromSeconds(20))
            .AddRconHealthCheck("eu1-strict", degradedAfter: TimeSpan.FromMilliseconds(100), timeout: TimeSpan.FromSeconds(20))
            .AddRconHealthCheck("down", timeout: TimeSpan.FromSeconds(5));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        var factory = provider.GetRequiredService<IRconClientFactory>();
        await factory.GetClientAsync("eu1");
        await factory.GetClientAsync("eu1-strict");

        HealthReport healthy = await health.CheckHealthAsync(r => r.Name == "rcon-eu1");
        server.Options.Faults.ResponseDelay = TimeSpan.FromMilliseconds(300);
        HealthReport slow = await health.CheckHealthAsync(r => r.Name == "rcon-eu1-strict");
        HealthReport down = await health.CheckHealthAsync(r => r.Name == "rcon-down");

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Degraded, slow.Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Contains("RCON server down", down.Entries["rcon-down"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_keep_alive_sends_its_command_on_the_interval_and_the_host_disposes_the_clients()
    {
        await using var server = EmulatedSourceServer.Start();
        var time = new FakeTimeProvider();
        ServiceProvider provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddRcon(options => options.Servers["eu1"] = new RconServerSettings
            {
                Address = server.EndPoint.ToString(),
                Password = server.Password,
                KeepAliveInterval = TimeSpan.FromSeconds(30),
            })
            .BuildServiceProvider();
        RconClient client = await provider.GetRequiredService<IRconClientFactory>().GetClientAsync("eu1");

        time.Advance(TimeSpan.FromSeconds(30));
        for (int i = 0; i < 400 && !server.Console.ExecutedCommands.Contains("echo keepalive"); i++)
        {
            await Task.Delay(5);
        }

        Assert.Contains("echo keepalive", server.Console.ExecutedCommands);
        await provider.DisposeAsync();
        Assert.True(client.IsClosed);
    }

    [Fact]
    public async Task A_container_disposed_synchronously_closes_the_clients_too()
    {
        await using var server = EmulatedSourceServer.Start();
        ServiceProvider provider = new ServiceCollection()
            .AddRcon(options => options.Servers["eu1"] = new RconServerSettings { Address = server.EndPoint.ToString(), Password = server.Password })
            .BuildServiceProvider();
        RconClient client = await provider.GetRequiredService<IRconClientFactory>().GetClientAsync("eu1");

        provider.Dispose();

        Assert.True(client.IsClosed);
    }

    private sealed class PlainServer(RconClient client) : RconServer(client);
}
