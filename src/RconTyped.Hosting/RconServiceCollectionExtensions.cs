using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RconTyped.Hosting;

/// <summary>Registers RconTyped with a .NET host.</summary>
public static class RconServiceCollectionExtensions
{
    /// <summary>
    /// Binds the named servers from a configuration section (<c>configuration.GetSection("Rcon")</c>, holding
    /// <c>Servers: { name: { Address, PasswordVariable, Dialect, … } }</c>) and registers <see cref="IRconClientFactory"/>.
    /// </summary>
    public static IServiceCollection AddRcon(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<RconHostingOptions>(configuration);
        return AddFactory(services);
    }

    /// <summary>Registers <see cref="IRconClientFactory"/> with servers configured in code.</summary>
    public static IServiceCollection AddRcon(this IServiceCollection services, Action<RconHostingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return AddFactory(services);
    }

    /// <summary>
    /// Lets a typed server (a generated <c>[RconSchema]</c> class) over the named server's shared client be injected. The
    /// first resolution connects and authenticates (synchronously, once); in async code prefer
    /// <see cref="IRconClientFactory.GetClientAsync"/>.
    /// </summary>
    public static IServiceCollection AddRconServer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TServer>(this IServiceCollection services, string name)
        where TServer : RconServer
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddSingleton(provider =>
        {
            RconClient client = provider.GetRequiredService<IRconClientFactory>().GetClientAsync(name).AsTask().GetAwaiter().GetResult();
            return ActivatorUtilities.CreateInstance<TServer>(provider, client);
        });
        return services;
    }

    /// <summary>
    /// A health check that runs <paramref name="command"/> on the named server: Healthy, Degraded when slower than
    /// <paramref name="degradedAfter"/> (default 1 s), Unhealthy (with the reason) past <paramref name="timeout"/> (default 5 s)
    /// or on any failure.
    /// </summary>
    public static IHealthChecksBuilder AddRconHealthCheck(this IHealthChecksBuilder builder, string serverName, string command = "echo health", TimeSpan? timeout = null, TimeSpan? degradedAfter = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        ArgumentException.ThrowIfNullOrEmpty(command);
        return builder.Add(new HealthCheckRegistration(
            "rcon-" + serverName,
            provider => new RconHealthCheck(provider.GetRequiredService<IRconClientFactory>(), serverName, command, timeout ?? TimeSpan.FromSeconds(5), degradedAfter ?? TimeSpan.FromSeconds(1)),
            HealthStatus.Unhealthy,
            tags));
    }

    private static IServiceCollection AddFactory(IServiceCollection services)
    {
        services.TryAddSingleton<RconClientFactory>();
        services.TryAddSingleton<IRconClientFactory>(provider => provider.GetRequiredService<RconClientFactory>());
        return services;
    }
}
