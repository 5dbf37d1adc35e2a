using System.Net;
using System.Net.Sockets;
using RconTyped.Query;
using RconTyped.Testing;

namespace RconTyped.Tests.Query;

/// <summary>A2S beside RCON: a fleet's info through one socket, and one server's RCON status with its A2S info.</summary>
public sealed class A2SFleetTests
{
    [Fact]
    public async Task A_fleet_queries_every_server_without_a_password_and_reports_each_failure_on_its_own()
    {
        await using EmulatedServer first = EmulatedServer.Start();
        await using EmulatedServer second = EmulatedServer.Start();
        first.Console.Execute("hostname first");
        second.Console.Execute("hostname second");
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var fleet = new RconFleet(
        [
            new RconFleetServer(first.EndPoint.ToString(), "wrong password: A2S needs none"),
            new RconFleetServer(second.EndPoint.ToString(), "wrong password: A2S needs none"),
            new RconFleetServer("not an address:x", "x"),
        ]);

        var results = new List<RconFleetResult>();
        await foreach (RconFleetResult result in fleet.QueryInfoAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
        {
            results.Add(result);
        }

        Assert.Equal(3, results.Count);
        Assert.Equal("first", Assert.Single(results, r => r.Server == first.EndPoint.ToString()).Info!.Name);
        Assert.Equal("second", Assert.Single(results, r => r.Server == second.EndPoint.ToString()).Info!.Name);
        Assert.IsType<FormatException>(Assert.Single(results, r => r.Server == "not an address:x").Error);
        Assert.Equal(0, first.ConnectionCount + second.ConnectionCount); // no RCON connection was made
    }

    [Fact]
    public async Task An_overview_has_RCONs_players_and_A2Ss_info_and_survives_a_query_that_fails()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server);
        await using var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(10), Retries = 0 });
        await using var impatient = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 });

        ServerOverview overview = await client.GetOverviewAsync(a2s);
        server.Options.Query.Enabled = false;
        ServerOverview withoutQueries = await client.GetOverviewAsync(impatient);

        Assert.Equal(3, overview.Status.Players.Count);
        Assert.Equal("RconTyped emulated server", overview.Info!.Name);
        Assert.Null(overview.InfoError);
        Assert.Equal(3, withoutQueries.Status.Players.Count);
        Assert.Null(withoutQueries.Info);
        Assert.IsType<A2STimeoutException>(withoutQueries.InfoError);
    }
}
