using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace RconTyped.Hosting;

/// <summary>
/// Registers RconTyped with a .NET host. Each server is a named <see cref="RconServerSettings"/> options instance
/// (read through <see cref="IOptionsMonitor{TOptions}.Get(string)"/>, reloaded with its configuration), validated when
/// the host starts.
/// </summary>
public static class RconServiceCollectionExtensions
{
    /// <summary>
    /// Binds the named servers from a configuration section (<c>configuration.GetSection("Rcon")</c>, holding
    /// <c>Servers: { name: { Address, PasswordVariable, Dialect, … } }</c>) and registers <see cref="IRconClientFactory"/>.
    /// A change to a server's settings (a reloaded file) closes its client; the next call connects with the new ones.
    /// The servers are the ones the section names when this is called.
    /// </summary>
    public static IServiceCollection AddRcon(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (IConfigurationSection server in configuration.GetSection("Servers").GetChildren())
        {
            ServerOptions(services, server.Key).Bind(server);
        }

        return AddFactory(services);
    }

    /// <summary>Registers <see cref="IRconClientFactory"/> with servers configured in code (the dictionary is read now, once).</summary>
    public static IServiceCollection AddRcon(this IServiceCollection services, Action<RconHostingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RconHostingOptions();
        configure(options);
        foreach ((string name, RconServerSettings settings) in options.Servers)
        {
            ServerOptions(services, name).Configure(settings.CopyTo);
        }

        return AddFactory(services);
    }

    /// <summary>Registers one named server configured in code, and <see cref="IRconClientFactory"/>.</summary>
    public static IServiceCollection AddRcon(this IServiceCollection services, string name, Action<RconServerSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        ServerOptions(services, name).Configure(configure);
        return AddFactory(services);
    }

    /// <summary>
    /// Registers a typed server (a generated <c>[RconSchema]</c> class) over the named server's shared client, as a keyed
    /// singleton (<c>[FromKeyedServices("eu1")] Cs2Server</c>) and, for the first name registered for that type, as a plain
    /// one too. Resolving it does not wait for the network: the client connects in the background and the typed server's
    /// first commands wait for it (up to the command timeout). It is bound to that client for its life; with
    /// <c>Reconnect</c> (the default) the client outlives dropped connections.
    /// </summary>
    public static IServiceCollection AddRconServer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TServer>(this IServiceCollection services, string name)
        where TServer : RconServer
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        services.AddKeyedSingleton(name, static (provider, key) =>
            ActivatorUtilities.CreateInstance<TServer>(provider, provider.GetRequiredService<RconClientFactory>().CurrentClient((string)key!)));
        services.TryAddSingleton(provider => provider.GetRequiredKeyedService<TServer>(name));
        return services;
    }

    /// <summary>
    /// A health check that runs <paramref name="command"/> on the named server: Healthy, Degraded when slower than
    /// <paramref name="degradedAfter"/> (default 1 s), and <paramref name="failureStatus"/> (default Unhealthy) with the
    /// reason past <paramref name="timeout"/> (default 5 s) or on any failure.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="serverName">The configured server.</param>
    /// <param name="name">The check's name; default <c>rcon-</c> and the server's name.</param>
    /// <param name="failureStatus">What a failure reports; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (<c>MapHealthChecks</c>' predicate).</param>
    /// <param name="timeout">How long the check may take: the registration's timeout; default 5 s.</param>
    /// <param name="command">The command it runs; default <c>echo health</c>.</param>
    /// <param name="degradedAfter">An answer slower than this is Degraded; default 1 s.</param>
    public static IHealthChecksBuilder AddRconHealthCheck(this IHealthChecksBuilder builder, string serverName, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null, string command = "echo health", TimeSpan? degradedAfter = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        ArgumentException.ThrowIfNullOrEmpty(command);
        return builder.Add(new HealthCheckRegistration(
            name ?? "rcon-" + serverName,
            provider => new RconHealthCheck(provider.GetRequiredService<IRconClientFactory>(), serverName, command, degradedAfter ?? TimeSpan.FromSeconds(1)),
            failureStatus ?? HealthStatus.Unhealthy,
            tags,
            timeout ?? HealthCheckDeadline.DefaultTimeout));
    }

    /// <summary>
    /// A health check that asks the named server for A2S_INFO over UDP (Steam server queries; no password, no RCON
    /// connection): Healthy with the map and player count, Degraded when slower than <paramref name="degradedAfter"/>
    /// (default 1 s), and <paramref name="failureStatus"/> (default Unhealthy) with the reason past
    /// <paramref name="timeout"/> (default 5 s) or when the answer cannot be read. The checks share one UDP socket.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="serverName">The configured server: its address's host, and its port unless <paramref name="queryPort"/> is set.</param>
    /// <param name="name">The check's name; default <c>a2s-</c> and the server's name.</param>
    /// <param name="failureStatus">What a failure reports; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by (<c>MapHealthChecks</c>' predicate).</param>
    /// <param name="timeout">How long the check may take: the registration's timeout; default 5 s.</param>
    /// <param name="degradedAfter">An answer slower than this is Degraded; default 1 s.</param>
    /// <param name="queryPort">The query port when it is not the RCON port (Rust, ARK and others use another).</param>
    public static IHealthChecksBuilder AddRconQueryHealthCheck(this IHealthChecksBuilder builder, string serverName, string? name = null, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null, TimeSpan? degradedAfter = null, int? queryPort = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        if (queryPort is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(queryPort), queryPort, "A query port is from 1 to 65535.");
        }

        builder.Services.TryAddSingleton<RconQueryClient>();
        return builder.Add(new HealthCheckRegistration(
            name ?? "a2s-" + serverName,
            provider => new RconQueryHealthCheck(provider.GetRequiredService<RconQueryClient>(), provider.GetRequiredService<IOptionsMonitor<RconServerSettings>>(), serverName, queryPort, degradedAfter ?? TimeSpan.FromSeconds(1)),
            failureStatus ?? HealthStatus.Unhealthy,
            tags,
            timeout ?? HealthCheckDeadline.DefaultTimeout));
    }

    /// <summary>The named options of one server, validated at start, with its name recorded for the factory.</summary>
    private static OptionsBuilder<RconServerSettings> ServerOptions(IServiceCollection services, string name)
    {
        Names(services).Add(name);
        return services.AddOptions<RconServerSettings>(name).ValidateOnStart();
    }

    private static RconServerNames Names(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(RconServerNames) && !d.IsKeyedService)?.ImplementationInstance is RconServerNames names)
        {
            return names;
        }

        names = new RconServerNames();
        services.AddSingleton(names);
        return names;
    }

    private static IServiceCollection AddFactory(IServiceCollection services)
    {
        Names(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RconServerSettings>, RconServerSettingsValidation>());
        services.TryAddSingleton<RconClientFactory>();
        services.TryAddSingleton<IRconClientFactory>(provider => provider.GetRequiredService<RconClientFactory>());
        return services;
    }
}
