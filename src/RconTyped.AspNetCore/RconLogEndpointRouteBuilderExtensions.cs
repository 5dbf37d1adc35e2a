using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RconTyped.AspNetCore;

/// <summary>Maps an HTTP log endpoint for CS2's <c>logaddress_add_http</c> into an ASP.NET Core app.</summary>
public static class RconLogEndpointRouteBuilderExtensions
{
    private const string SecretSegment = "rconLogSecret";

    /// <summary>
    /// Maps <paramref name="pattern"/> (and <c>pattern/SECRET</c>) to the <see cref="RconLogReceiver"/> that
    /// <see cref="RconLogServiceCollectionExtensions.AddRconLogs"/> registered. Give the server
    /// <c>https://your.host/pattern/SECRET</c>; read the events from the receiver (inject it). ASP.NET Core logs request
    /// paths at Information (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>): set that category to Warning so the secret
    /// is not written to your logs.
    /// </summary>
    /// <param name="endpoints">The app's endpoints.</param>
    /// <param name="pattern">A literal path, such as <c>/cs2-logs</c>.</param>
    /// <exception cref="InvalidOperationException">No receiver is registered: call <c>services.AddRconLogs()</c>.</exception>
    public static IEndpointConventionBuilder MapRconLogs(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RconLogReceiver receiver = endpoints.ServiceProvider.GetService<RconLogReceiver>()
            ?? throw new InvalidOperationException("MapRconLogs needs a RconLogReceiver: call services.AddRconLogs(…) first, or pass one to MapRconLogs.");
        return endpoints.MapRconLogs(pattern, receiver);
    }

    /// <summary>Maps <paramref name="pattern"/> (and <c>pattern/SECRET</c>) to <paramref name="receiver"/>.</summary>
    /// <param name="endpoints">The app's endpoints.</param>
    /// <param name="pattern">A literal path, such as <c>/cs2-logs</c>.</param>
    /// <param name="receiver">The receiver whose checks, queue and <see cref="RconLogReceiver.ReadAllAsync"/> the posts go to.</param>
    public static IEndpointConventionBuilder MapRconLogs(this IEndpointRouteBuilder endpoints, string pattern, RconLogReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(receiver);

        // Every method reaches the receiver, which answers what is not a POST with 405 and counts it.
        return endpoints.Map($"{pattern.TrimEnd('/')}/{{**{SecretSegment}}}", context =>
            receiver.HandleAsync(context, context.Request.RouteValues[SecretSegment] is string { Length: > 0 } secret ? secret : null));
    }
}
