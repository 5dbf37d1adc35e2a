using System.Text;
using BenchmarkDotNet.Attributes;

namespace RconTyped.Benchmarks;

/// <summary><c>ServerStatus.Parse</c> on a real answer and on 1 MB of hostile text (the target: under 50 ms).</summary>
[MemoryDiagnoser]
public class StatusParserBenchmarks
{
    private string _real = null!;
    private string _randomBytes = null!;
    private string _manyQuotes = null!;
    private string _squadBacktracking = null!;

    [GlobalSetup]
    public void Setup()
    {
        _real = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "status", "csgo-aimrao-client-mm.status.txt"));
        var bytes = new byte[1 << 20];
        new Random(20261130).NextBytes(bytes);
        _randomBytes = Encoding.Latin1.GetString(bytes);
        _manyQuotes = string.Join('\n', Enumerable.Repeat("# 1 " + string.Concat(Enumerable.Repeat("\"a\" ", 1000)), 256));

        // The row pattern with the most backtracking (Squad's "Name: … | Team ID:"), 1 MB of rows built to exercise it.
        string squadRow = "ID: 1 | SteamID: 1 | Name: " + string.Concat(Enumerable.Repeat("| Team ID: x ", 300));
        _squadBacktracking = "----- Active Players -----\n" + string.Join('\n', Enumerable.Repeat(squadRow, 1 << 20 >> 12));
    }

    [Benchmark(Description = "real CS:GO answer, 16 players")]
    public int Real() => ServerStatus.Parse(_real).Players.Count;

    [Benchmark(Description = "1 MB of random bytes")]
    public int RandomBytes() => ServerStatus.Parse(_randomBytes).UnparsedLines.Count;

    [Benchmark(Description = "1 MB of Squad rows with 300 'Team ID' fields each")]
    public int SquadBacktracking() => ServerStatus.Parse(_squadBacktracking).Players.Count;

    [Benchmark(Description = "1 MB of rows with 1,000 quoted names each")]
    public int ManyQuotes() => ServerStatus.Parse(_manyQuotes).Players.Count;
}
