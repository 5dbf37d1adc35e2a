using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RconTyped.Logs;

namespace RconTyped.AspNetCore;

/// <summary>Registers the <see cref="RconLogReceiver"/> that <c>MapRconLogs</c> posts to.</summary>
public static class RconLogServiceCollectionExtensions
{
    /// <summary>
    /// Adds one <see cref="RconLogReceiver"/> (a singleton: inject it to read the events). Its settings are checked here,
    /// so a bad one fails when the app builds, not on the first post.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Sets the allowed sources, the secret, the queue and body bounds.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static IServiceCollection AddRconLogs(this IServiceCollection services, Action<RconLogListenerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new RconLogListenerOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(new RconLogReceiver(options));
        return services;
    }
}
