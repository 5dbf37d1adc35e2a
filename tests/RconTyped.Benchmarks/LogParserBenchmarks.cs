using BenchmarkDotNet.Attributes;
using RconTyped.Logs;

namespace RconTyped.Benchmarks;

/// <summary>
/// <c>LogEvent.Parse</c> over every line of the real logs in data/logs (4,090 lines: a TF2 match, a CS:GO warm-up, two CS2 rounds). One
/// operation parses them all; lines per second = 4,090 / mean. Target: at least 1 million lines per second on one core.
/// </summary>
[MemoryDiagnoser]
public class LogParserBenchmarks
{
    private string[] _lines = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lines = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "logs"), "*.log")
            .OrderBy(path => path, StringComparer.Ordinal)
            .SelectMany(path => File.ReadAllText(path).Split('\n'))
            .Where(line => line.Length > 0)];
    }

    [Benchmark(Description = "every real log line")]
    public int ParseAll()
    {
        int typed = 0;
        foreach (string line in _lines)
        {
            if (LogEvent.Parse(line) is not UnknownLogEvent)
            {
                typed++;
            }
        }

        return typed;
    }
}
