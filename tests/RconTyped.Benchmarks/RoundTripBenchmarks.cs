using BenchmarkDotNet.Attributes;
using RconTyped.Testing;

namespace RconTyped.Benchmarks;

/// <summary>
/// Loopback round trips against the emulated srcds server (Source dialect: command, marker, answer, mirror,
/// trailer), measured in one run: the raw-socket floor, RconClient one command at a time, and RconClient with
/// 64 commands in flight. Each invocation runs a batch, so the figures are per command.
/// </summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private const int Batch = 64;
    private EmulatedServer _server = null!;
    private RconClient _client = null!;
    private RawSocketClient _raw = null!;
    private readonly Task<string>[] _inFlight = new Task<string>[Batch];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = EmulatedServer.Start();
        _client = new RconClient(_server.EndPoint);
        await _client.ConnectAsync();
        await _client.AuthenticateAsync(_server.Password);
        _raw = new RawSocketClient();
        await _raw.ConnectAsync(_server.EndPoint, _server.Password);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "raw socket, sequential")]
    public async Task<int> RawSequential()
    {
        int bytes = 0;
        for (int i = 0; i < Batch; i++)
        {
            bytes += await _raw.ExecuteAsync("echo benchmark");
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "RconClient, sequential")]
    public async Task<int> ClientSequential()
    {
        int chars = 0;
        for (int i = 0; i < Batch; i++)
        {
            chars += (await _client.ExecuteAsync("echo benchmark")).Length;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "RconClient, 64 in flight")]
    public async Task<int> ClientPipelined()
    {
        for (int i = 0; i < Batch; i++)
        {
            _inFlight[i] = _client.ExecuteAsync("echo benchmark");
        }

        string[] answers = await Task.WhenAll(_inFlight);
        return answers.Length;
    }
}
