using BenchmarkDotNet.Attributes;
using RconTyped.Testing;

namespace RconTyped.Benchmarks;

/// <summary>
/// Loopback round trips against the emulated srcds server (Source dialect: command, marker, answer, mirror,
/// trailer), measured in one run: RconClient sequential and with 64 in flight, and the raw-socket floor.
/// </summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private const int InFlight = 64;
    private EmulatedSourceServer _server = null!;
    private RconClient _client = null!;
    private RawSocketClient _raw = null!;
    private Task<string>[] _batch = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = EmulatedSourceServer.Start();
        _client = new RconClient(_server.EndPoint);
        await _client.ConnectAsync();
        await _client.AuthenticateAsync(_server.Password);
        _raw = new RawSocketClient();
        await _raw.ConnectAsync(_server.EndPoint, _server.Password);
        _batch = new Task<string>[InFlight];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "raw socket, sequential")]
    public Task<int> RawSequential() => _raw.ExecuteAsync("echo benchmark");

    [Benchmark(Description = "RconClient, sequential")]
    public Task<string> ClientSequential() => _client.ExecuteAsync("echo benchmark");

    [Benchmark(OperationsPerInvoke = InFlight, Description = "RconClient, 64 in flight")]
    public async Task<int> ClientPipelined()
    {
        for (int i = 0; i < InFlight; i++)
        {
            _batch[i] = _client.ExecuteAsync("echo benchmark");
        }

        string[] answers = await Task.WhenAll(_batch);
        return answers.Length;
    }
}
