using BenchmarkDotNet.Attributes;

namespace RconTyped.Benchmarks;

/// <summary>
/// What RconClient allocates per command against the C server (another process, so every byte is the client's): one at a
/// time, and 64 in flight. The full Source exchange each time (command and marker out; answer, mirror and trailer back).
/// </summary>
[MemoryDiagnoser]
public class ClientAllocationBenchmarks
{
    private const int Batch = 64;
    private readonly Task<string>[] _inFlight = new Task<string>[Batch];
    private FloorServer _server = null!;
    private RconClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = FloorServer.Start();
        _client = new RconClient(_server.EndPoint, new RconClientOptions { Dialect = RconDialect.Source });
        await _client.ConnectAsync();
        await _client.AuthenticateAsync(FloorServer.Password);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _client.DisposeAsync();
        _server.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "sequential ExecuteAsync (C server)")]
    public async Task<int> Sequential()
    {
        int chars = 0;
        for (int i = 0; i < Batch; i++)
        {
            chars += (await _client.ExecuteAsync("echo hi")).Length;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "64 in flight (C server)")]
    public async Task<int> InFlight()
    {
        for (int i = 0; i < Batch; i++)
        {
            _inFlight[i] = _client.ExecuteAsync("echo hi");
        }

        int chars = 0;
        foreach (string answer in await Task.WhenAll(_inFlight))
        {
            chars += answer.Length;
        }

        return chars;
    }
}
