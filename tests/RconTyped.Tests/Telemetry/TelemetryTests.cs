using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using RconTyped.Testing;

namespace RconTyped.Tests.Telemetry;

/// <summary>
/// The ActivitySource and Meter named RconTyped, read with ActivityListener and MeterListener. Listeners are process-wide and
/// tests run in parallel, so every assertion looks only at what carries this test's server port.
/// </summary>
public class TelemetryTests
{
    [Fact]
    public async Task A_command_is_one_client_span_with_its_first_word_only()
    {
        await using var server = EmulatedServer.Start();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "RconTyped",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using RconClient client = await Connect.AuthenticatedAsync(server);

        await client.ExecuteAsync("echo hunter2 is the password");

        Activity span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), server.Port));
        Assert.Equal("RCON echo", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal("echo", span.GetTagItem("rcon.command.name"));
        Assert.Equal("ok", span.GetTagItem("rcon.outcome"));
        Assert.NotNull(span.GetTagItem("rcon.request.id"));
        Assert.Equal("echo hunter2 is the password".Length + 14, span.GetTagItem("rcon.bytes.sent"));
        Assert.Equal("hunter2 is the password\n".Length, span.GetTagItem("rcon.bytes.received"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains("hunter2", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Metrics_count_commands_bytes_timeouts_and_connections()
    {
        await using var server = EmulatedServer.Start();
        server.Options.Faults.UnansweredCommands.Add("wait");
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "RconTyped")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();
        var time = new FakeTimeProvider();

        await using (RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { CommandTimeout = TimeSpan.FromSeconds(5), TimeProvider = time }))
        {
            await client.ExecuteAsync("echo one");
            Task<string> unanswered = client.ExecuteAsync("wait for it");
            await Poll.UntilAsync(() => server.Console.ExecutedCommands.Contains("wait for it"));
            time.Advance(TimeSpan.FromSeconds(5));
            await Assert.ThrowsAsync<RconTimeoutException>(() => unanswered.WaitAsync(Connect.Guard));
        }

        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> mine = [.. measurements.Where(m => Equals(m.Tags.GetValueOrDefault("server.port"), server.Port))];
        var durations = mine.Where(m => m.Instrument == "rcon.client.command.duration").ToList();
        Assert.Equal(2, durations.Count);
        Assert.Contains(durations, m => Equals(m.Tags["rcon.command.name"], "echo") && Equals(m.Tags["rcon.outcome"], "ok"));
        Assert.Contains(durations, m => Equals(m.Tags["rcon.command.name"], "wait") && Equals(m.Tags["rcon.outcome"], "timeout") && Equals(m.Tags["error.type"], typeof(RconTimeoutException).FullName));
        Assert.DoesNotContain(durations, m => Equals(m.Tags["rcon.outcome"], "ok") && m.Tags.ContainsKey("error.type"));
        Assert.Equal(0, Sum(mine, "rcon.client.command.active"));
        Assert.Equal(2, mine.Count(m => m.Instrument == "rcon.client.command.active" && m.Value == 1));
        Assert.Equal(1, Sum(mine, "rcon.client.timeouts"));
        Assert.Equal("echo one".Length + 14 + "wait for it".Length + 14, Sum(mine, "rcon.client.bytes.sent"));
        Assert.Equal("one\n".Length, Sum(mine, "rcon.client.bytes.received"));
        Assert.Equal(0, Sum(mine, "rcon.client.connection.count"));
        Assert.Contains(mine, m => m.Instrument == "rcon.client.connection.count" && m.Value == 1);
        Assert.DoesNotContain(mine, m => m.Tags.Values.Any(v => v?.ToString()?.Contains("for it", StringComparison.Ordinal) == true));

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

    [Fact]
    public async Task A_reconnection_is_counted()
    {
        await using var server = EmulatedServer.Start();
        var reconnects = new ConcurrentQueue<object?>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "RconTyped" && instrument.Name == "rcon.client.reconnects")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "server.port")
                {
                    reconnects.Enqueue(tag.Value);
                }
            }
        });
        meters.Start();
        await using RconClient client = await Connect.AuthenticatedAsync(server, new RconClientOptions { Reconnect = new RconReconnectPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromMilliseconds(10) } });
        var reconnected = new TaskCompletionSource();
        client.Reconnected += (_, _) => reconnected.TrySetResult();

        server.DropConnections();
        await reconnected.Task.WaitAsync(Connect.Guard);

        Assert.Single(reconnects, port => Equals(port, server.Port));
    }

    private static double Sum(IEnumerable<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements, string instrument) =>
        measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);
}
