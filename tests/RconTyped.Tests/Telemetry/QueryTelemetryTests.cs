using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using RconTyped.Query;
using RconTyped.Testing;

namespace RconTyped.Tests.Telemetry;

/// <summary>Server queries in the RconTyped source and meter: a span per query, its duration, and timeouts (filtered by this test's ports).</summary>
public sealed class QueryTelemetryTests
{
    [Fact]
    public async Task A_query_is_a_span_and_a_duration_and_a_timeout_is_counted()
    {
        await using EmulatedServer server = EmulatedServer.Start();
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int silentPort = ((IPEndPoint)silent.LocalEndPoint!).Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "RconTyped",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "RconTyped" && instrument.Name.StartsWith("rcon.query.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();

        await using (var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromSeconds(10), Retries = 0 }))
        {
            await a2s.QueryPlayersAsync(server.QueryEndPoint!);
        }

        await using (var a2s = new A2SClient(new A2SClientOptions { Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 }))
        {
            await Assert.ThrowsAsync<A2STimeoutException>(() => a2s.QueryInfoAsync((IPEndPoint)silent.LocalEndPoint!));
        }

        Activity span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), server.Port));
        Assert.Equal("A2S_PLAYER", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("ok", span.GetTagItem("a2s.outcome"));
        Activity failed = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), silentPort));
        Assert.Equal(("A2S_INFO", "timeout", typeof(A2STimeoutException).FullName, ActivityStatusCode.Error), (failed.DisplayName, failed.GetTagItem("a2s.outcome"), failed.GetTagItem("error.type"), failed.Status));

        var durations = measurements.Where(m => m.Instrument == "rcon.query.duration").ToList();
        Assert.Contains(durations, m => Equals(m.Tags["server.port"], server.Port) && Equals(m.Tags["a2s.query"], "A2S_PLAYER") && !m.Tags.ContainsKey("error.type"));
        Assert.Contains(durations, m => Equals(m.Tags["server.port"], silentPort) && Equals(m.Tags["a2s.outcome"], "timeout") && Equals(m.Tags["error.type"], typeof(A2STimeoutException).FullName));
        Assert.Equal(1, measurements.Where(m => m.Instrument == "rcon.query.timeouts" && Equals(m.Tags["server.port"], silentPort)).Sum(m => m.Value));

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            measurements.Enqueue((instrument.Name, value, copy));
        }
    }
}
