using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RconTyped.Logs;

namespace RconTyped.AspNetCore.Tests;

/// <summary><c>app.MapRconLogs("/cs2")</c> in an ASP.NET Core app on Kestrel: the same checks and events as the standalone listener.</summary>
public class MapRconLogsTests
{
    [Fact]
    public async Task Posts_to_the_mapped_path_and_its_secret_become_events_read_from_the_injected_receiver()
    {
        await using WebApplication app = await StartAppAsync(services => services.AddRconLogs(options => options.Secret = "s3cret"), app => app.MapRconLogs("/cs2"));
        Uri root = Root(app);
        using var http = new HttpClient();
        RconLogReceiver receiver = app.Services.GetRequiredService<RconLogReceiver>();

        HttpResponseMessage right = await RawHttp.PostAsync(http, new Uri(root, "/cs2/s3cret"), RawHttp.Lines);
        HttpResponseMessage wrong = await RawHttp.PostAsync(http, new Uri(root, "/cs2/guess"), RawHttp.Lines);
        HttpResponseMessage none = await RawHttp.PostAsync(http, new Uri(root, "/cs2"), RawHttp.Lines);
        HttpResponseMessage get = await http.GetAsync(new Uri(root, "/cs2/s3cret")).WaitAsync(Guard.Timeout);
        HttpResponseMessage elsewhere = await RawHttp.PostAsync(http, new Uri(root, "/other"), RawHttp.Lines);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (wrong.StatusCode, none.StatusCode));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound), (get.StatusCode, elsewhere.StatusCode));
        List<LogEvent> events = await RawHttp.TakeAsync(receiver.ReadAllAsync(), 2);
        Assert.IsType<PlayerKilledEvent>(events[0]);
        Assert.Equal((2, 2, 1), (receiver.Statistics.Queued, receiver.Statistics.BadSecret, receiver.Statistics.Malformed));
    }

    [Fact]
    public async Task Without_a_secret_the_path_alone_is_enough_and_a_receiver_can_be_passed_in()
    {
        using var receiver = new RconLogReceiver(new RconLogListenerOptions { MaxHttpBodyBytes = 512 });
        await using WebApplication app = await StartAppAsync(_ => { }, app => app.MapRconLogs("/logs/", receiver));
        using var http = new HttpClient();

        HttpResponseMessage posted = await RawHttp.PostAsync(http, new Uri(Root(app), "/logs"), RawHttp.Lines);
        HttpResponseMessage huge = await RawHttp.PostAsync(http, new Uri(Root(app), "/logs"), new string('x', 4096));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge), (posted.StatusCode, huge.StatusCode));
        Assert.Equal(2, (await RawHttp.TakeAsync(receiver.ReadAllAsync(), 2)).Count);
    }

    [Fact]
    public async Task Mapping_without_AddRconLogs_says_what_to_call()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        await using WebApplication app = builder.Build();

        var e = Assert.Throws<InvalidOperationException>(() => app.MapRconLogs("/cs2"));

        Assert.Contains("services.AddRconLogs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRconLogs_checks_the_settings_when_the_app_is_built()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentOutOfRangeException>(() => services.AddRconLogs(options => options.QueueCapacity = 0));
    }

    private static async Task<WebApplication> StartAppAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddLogging(logging => logging.ClearProviders());
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        services(builder.Services);
        WebApplication app = builder.Build();
        map(app);
        await app.StartAsync().WaitAsync(Guard.Timeout);
        return app;
    }

    private static Uri Root(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
