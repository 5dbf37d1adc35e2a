using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        await using var server = EmulatedServer.Start();
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
    public async Task An_unknown_name_or_bad_settings_say_which_server_and_setting_to_fix()
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
        var noPassword = await Assert.ThrowsAsync<OptionsValidationException>(() => factory.GetClientAsync("eu1").AsTask());
        var unsetVariable = await Assert.ThrowsAsync<OptionsValidationException>(() => factory.GetClientAsync("variable").AsTask());
        var dialect = await Assert.ThrowsAsync<OptionsValidationException>(() => factory.GetClientAsync("dialect").AsTask());
        var address = await Assert.ThrowsAsync<OptionsValidationException>(() => factory.GetClientAsync("address").AsTask());

        Assert.Contains("No RCON server named 'us2'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("RCON server 'eu1' (Rcon:Servers:eu1): Password: none is set", noPassword.Message, StringComparison.Ordinal);
        Assert.Contains("RCON server 'variable' (Rcon:Servers:variable): PasswordVariable: the environment variable", unsetVariable.Message, StringComparison.Ordinal);
        Assert.Contains("RCON server 'dialect' (Rcon:Servers:dialect): Dialect: unknown dialect 'quake'; use one of auto, source", dialect.Message, StringComparison.Ordinal);
        Assert.Contains("RCON server 'address' (Rcon:Servers:address): Address '127.0.0.1:notaport' is not host:port", address.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_a_bad_server_address_fails_to_start_naming_the_server_and_setting()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rcon:Servers:eu1:Address"] = "203.0.113.10:port",
            ["Rcon:Servers:eu1:Password"] = "x",
            ["Rcon:Servers:us1:Address"] = "203.0.113.11:27015",
            ["Rcon:Servers:us1:Password"] = "x",
        });
        builder.Services.AddRcon(builder.Configuration.GetSection("Rcon"));
        using IHost host = builder.Build();

        var failure = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(Guard));

        Assert.Contains("RCON server 'eu1' (Rcon:Servers:eu1): Address '203.0.113.10:port' is not host:port", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("us1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reloaded_configuration_closes_the_old_client_and_the_next_call_uses_the_new_settings()
    {
        await using var server = EmulatedServer.Start(new EmulatedServerOptions { MaxAuthFailures = 0 });
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rcon:Servers:eu1:Address"] = server.EndPoint.ToString(),
            ["Rcon:Servers:eu1:Password"] = "wrong-hunter2",
        }).Build();
        await using ServiceProvider provider = new ServiceCollection().AddRcon(configuration.GetSection("Rcon")).BuildServiceProvider();
        var factory = provider.GetRequiredService<IRconClientFactory>();

        var refused = await Assert.ThrowsAsync<RconAuthenticationException>(() => factory.GetClientAsync("eu1").AsTask().WaitAsync(Guard));
        configuration["Rcon:Servers:eu1:Password"] = server.Password;
        configuration.Reload();
        RconClient first = await factory.GetClientAsync("eu1").AsTask().WaitAsync(Guard);
        configuration["Rcon:Servers:eu1:Dialect"] = "source";
        configuration.Reload();
        RconClient second = await factory.GetClientAsync("eu1").AsTask().WaitAsync(Guard);

        Assert.DoesNotContain("hunter2", refused.ToString(), StringComparison.Ordinal);
        Assert.NotSame(first, second);
        Assert.True(first.IsClosed);
        Assert.True(second.IsAuthenticated);
        Assert.Equal("Source", second.Dialect.Name);
    }

    [Fact]
    public async Task A_typed_server_is_injected_over_the_shared_client()
    {
        await using var server = EmulatedServer.Start();
        await using ServiceProvider provider = new ServiceCollection()
            .AddRcon(options => options.Servers["eu1"] = new RconServerSettings { Address = server.EndPoint.ToString(), Password = server.Password })
            .AddRconServer<PlainServer>("eu1")
            .BuildServiceProvider();

        var typed = provider.GetRequiredService<PlainServer>();

        Assert.Equal(3, (await typed.GetPlayersAsync().WaitAsync(Guard)).Count);
        Assert.Same(await provider.GetRequiredService<IRconClientFactory>().GetClientAsync("eu1"), typed.Client);
    }

    [Fact]
    public async Task A_typed_server_keeps_working_across_a_reload_and_the_factory_connects_with_the_new_settings()
    {
        await using var server = EmulatedServer.Start();
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rcon:Servers:eu1:Address"] = server.EndPoint.ToString(),
            ["Rcon:Servers:eu1:Password"] = server.Password,
        }).Build();
        await using ServiceProvider provider = new ServiceCollection().AddRcon(configuration.GetSection("Rcon")).AddRconServer<PlainServer>("eu1").BuildServiceProvider();
        var typed = provider.GetRequiredKeyedService<PlainServer>("eu1");
        await typed.ExecuteAsync("echo before").WaitAsync(Guard);

        configuration["Rcon:Servers:eu1:Dialect"] = "source";
        configuration.Reload();
        RconClient fresh = await provider.GetRequiredService<IRconClientFactory>().GetClientAsync("eu1").AsTask().WaitAsync(Guard);

        Assert.Equal("after\n", await typed.ExecuteAsync("echo after").WaitAsync(Guard));
        Assert.False(typed.Client.IsClosed);
        Assert.NotSame(typed.Client, fresh);
        Assert.Equal("Source", fresh.Dialect.Name);
    }

    [Fact]
    public async Task Typed_servers_are_keyed_by_name_and_injected_with_FromKeyedServices()
    {
        await using var eu = EmulatedServer.Start();
        await using var us = EmulatedServer.Start(new EmulatedServerOptions { Mode = EmulatedServerMode.Cs2 });
        await using ServiceProvider provider = new ServiceCollection()
            .AddRcon("eu1", s => (s.Address, s.Password) = (eu.EndPoint.ToString(), eu.Password))
            .AddRcon("us1", s => (s.Address, s.Password) = (us.EndPoint.ToString(), us.Password))
            .AddRconServer<PlainServer>("eu1")
            .AddRconServer<PlainServer>("us1")
            .AddSingleton<TwoServers>()
            .BuildServiceProvider();

        var both = provider.GetRequiredService<TwoServers>();
        await both.Eu.ExecuteAsync("echo eu").WaitAsync(Guard);
        await both.Us.ExecuteAsync("echo us").WaitAsync(Guard);

        Assert.NotSame(both.Eu, both.Us);
        Assert.Same(both.Eu, provider.GetRequiredService<PlainServer>()); // the first name is the plain registration
        Assert.Equal("Source", both.Eu.Client.Dialect.Name);
        Assert.Equal("CS2", both.Us.Client.Dialect.Name);
        Assert.Contains("echo us", us.Console.ExecutedCommands);
        Assert.DoesNotContain("echo us", eu.Console.ExecutedCommands);
    }

    [Fact]
    public async Task The_health_check_is_healthy_degraded_when_slow_and_unhealthy_with_the_reason()
    {
        await using var server = EmulatedServer.Start();
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
    public async Task The_health_check_takes_its_name_failure_status_tags_and_timeout_from_the_registration()
    {
        await using var server = EmulatedServer.Start();
        var services = new ServiceCollection()
            .AddLogging()
            .AddRcon("down", s => (s.Address, s.Password) = ("127.0.0.1:1", "x"))
            .AddRcon("slow", s => (s.Address, s.Password) = (server.EndPoint.ToString(), server.Password));
        services.AddHealthChecks()
            .AddRconHealthCheck("down", name: "game-down", failureStatus: HealthStatus.Degraded, tags: ["game"])
            .AddRconHealthCheck("slow", name: "game-slow", tags: ["game"], timeout: TimeSpan.FromMilliseconds(200));
        await using ServiceProvider provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IRconClientFactory>().GetClientAsync("slow").AsTask().WaitAsync(Guard);
        server.Options.Faults.ResponseDelay = TimeSpan.FromSeconds(5); // far past the registration's 200 ms

        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("game")).WaitAsync(Guard);

        Assert.Equal(["game-down", "game-slow"], report.Entries.Keys.Order());
        Assert.Equal(HealthStatus.Degraded, report.Entries["game-down"].Status);
        Assert.Contains("RCON server down", report.Entries["game-down"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["game-slow"].Status);
        Assert.True(report.Entries["game-slow"].Duration < TimeSpan.FromSeconds(4), $"took {report.Entries["game-slow"].Duration}: the registration's timeout was not honoured");
    }

    [Fact]
    public async Task The_keep_alive_sends_its_command_on_the_interval_and_the_host_disposes_the_clients()
    {
        await using var server = EmulatedServer.Start();
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
        await using var server = EmulatedServer.Start();
        ServiceProvider provider = new ServiceCollection()
            .AddRcon(options => options.Servers["eu1"] = new RconServerSettings { Address = server.EndPoint.ToString(), Password = server.Password })
            .BuildServiceProvider();
        RconClient client = await provider.GetRequiredService<IRconClientFactory>().GetClientAsync("eu1");

        provider.Dispose();

        Assert.True(client.IsClosed);
    }

    private sealed class PlainServer(RconClient client) : RconServer(client);

    private sealed class TwoServers([FromKeyedServices("eu1")] PlainServer eu, [FromKeyedServices("us1")] PlainServer us)
    {
        public PlainServer Eu { get; } = eu;

        public PlainServer Us { get; } = us;
    }

    [Fact]
    public async Task The_query_health_check_needs_no_password_and_is_healthy_degraded_or_unhealthy()
    {
        await using var server = EmulatedServer.Start();
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var services = new ServiceCollection()
            .AddLogging()
            .AddRcon("eu1", s => (s.Address, s.Password) = (server.EndPoint.ToString(), "not the password: A2S needs none"))
            .AddRcon("silent", s => (s.Address, s.Password) = (silent.LocalEndPoint!.ToString()!, "x"));
        services.AddHealthChecks()
            .AddRconQueryHealthCheck("eu1", degradedAfter: TimeSpan.FromSeconds(10), timeout: TimeSpan.FromSeconds(20))
            .AddRconQueryHealthCheck("eu1", name: "a2s-eu1-strict", degradedAfter: TimeSpan.FromMilliseconds(100), timeout: TimeSpan.FromSeconds(20))
            .AddRconQueryHealthCheck("silent", failureStatus: HealthStatus.Degraded, timeout: TimeSpan.FromMilliseconds(300));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        HealthReport healthy = await health.CheckHealthAsync(r => r.Name == "a2s-eu1").WaitAsync(Guard);
        server.Options.Query.ResponseDelay = TimeSpan.FromMilliseconds(300); // cannot come back under 100 ms
        HealthReport slow = await health.CheckHealthAsync(r => r.Name == "a2s-eu1-strict").WaitAsync(Guard);
        HealthReport silentReport = await health.CheckHealthAsync(r => r.Name == "a2s-silent").WaitAsync(Guard);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Contains("3/24 players on de_dust2", healthy.Entries["a2s-eu1"].Description, StringComparison.Ordinal);
        Assert.Equal(3, healthy.Entries["a2s-eu1"].Data["players"]);
        Assert.Equal(HealthStatus.Degraded, slow.Status);
        Assert.Equal(HealthStatus.Degraded, silentReport.Entries["a2s-silent"].Status);
        Assert.Contains("no A2S_INFO answer", silentReport.Entries["a2s-silent"].Description, StringComparison.Ordinal);
        Assert.Equal(0, server.ConnectionCount); // no RCON connection, so no failed login either
    }
}
