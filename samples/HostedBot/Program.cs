// HostedBot: a worker service that watches a server's players through the typed API and logs who joins and leaves.
// With RCON_ADDRESS (host:port) and RCON_PASSWORD set it watches your server; otherwise the embedded emulated server,
// where a player joins and leaves every few seconds. HOSTEDBOT_SECONDS stops it after that many seconds.
using HostedBot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RconTyped.Hosting;
using RconTyped.Testing;

string? address = Environment.GetEnvironmentVariable("RCON_ADDRESS");
await using EmulatedServer? emulated = address is null ? EmulatedServer.Start() : null;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
// One named server; in an appsettings.json this is "Rcon": { "Servers": { "watched": { … } } } and AddRcon(builder.Configuration.GetSection("Rcon")).
builder.Services.AddRcon("watched", settings =>
{
    settings.Address = address ?? emulated!.EndPoint.ToString();
    settings.PasswordVariable = emulated is null ? "RCON_PASSWORD" : null;
    settings.Password = emulated?.Password;
});
builder.Services.AddRconServer<SourceServer>("watched");
builder.Services.AddHostedService<PlayerWatcher>();
builder.Services.AddHealthChecks().AddRconHealthCheck("watched", tags: ["ready"]);

using IHost host = builder.Build();
using var stop = Environment.GetEnvironmentVariable("HOSTEDBOT_SECONDS") is { } seconds
    ? new CancellationTokenSource(TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)))
    : new CancellationTokenSource();
if (emulated is not null)
{
    _ = SimulateVisitorsAsync(emulated, stop.Token);
}

await host.RunAsync(stop.Token);

// On the emulated server, a visitor comes and goes so the watcher has something to report.
static async Task SimulateVisitorsAsync(EmulatedServer server, CancellationToken stopping)
{
    for (int visit = 1; !stopping.IsCancellationRequested; visit++)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), stopping);
            server.Console.AddPlayer(new EmulatedPlayer($"Visitor {visit}") { SteamId = RconTyped.SteamId.Parse($"[U:1:{1000 + visit}]") });
            await Task.Delay(TimeSpan.FromSeconds(3), stopping);
            server.Console.RemovePlayer($"Visitor {visit}");
        }
        catch (OperationCanceledException)
        {
            return;
        }
    }
}
