using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RconTyped.Benchmarks;

/// <summary>
/// <c>--compare-all [ROUNDS]</c>: the table of docs/benchmarks.md on the machine it runs on. Builds the C kit
/// (tests/floor, or <c>RCON_BENCH_KIT</c>), runs its <c>compare.sh</c> for this console with default runtime settings and
/// again with tiered compilation off, measures allocation per command and resident memory per idle connection against the
/// C server, and prints each figure beside its target, and beside what a bare .NET socket doing the same sequential exchange
/// gets (the most the runtime's socket engine leaves any async client). Every figure is a child process of its own.
/// </summary>
internal static partial class CompareAll
{
    private static readonly (string Placement, string Mode, string Name, double Target)[] Ratios =
    [
        ("pinned", "seq", "sequential, one CPU", 0.75),
        ("cross", "seq", "sequential, two CPUs (spin floor)", 0.6),
        ("pinned", "piped", "64 in flight, one CPU", 0.2),
        ("cross", "piped", "64 in flight, two CPUs", 0.3),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length > 1 && int.TryParse(args[1], out int r) ? r : 5;
        string? kit = FindKit();
        if (kit is null)
        {
            Console.Error.WriteLine("--compare-all: no benchmark kit found: expected tests/floor/compare.sh above this program, or RCON_BENCH_KIT=DIR.");
            return 2;
        }

        // Run as this process was: through the dotnet host with the assembly, or as the app host (dotnet run) alone.
        string processPath = Environment.ProcessPath ?? "dotnet";
        string[] console = Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? [processPath, typeof(CompareAll).Assembly.Location] : [processPath];
        string client = string.Join(' ', console.Select(part => $"\"{part}\""));
        Console.WriteLine($"kit: {kit}; client: {client}; {rounds} rounds; {Environment.ProcessorCount} CPUs; {CpuName()}");

        var figures = new Dictionary<string, Dictionary<(string, string), double>>();
        foreach ((string setting, string environment) in new[] { ("default", string.Empty), ("tiering off", "DOTNET_TieredCompilation=0 ") })
        {
            Console.WriteLine($"compare.sh, {setting} runtime settings …");
            string output = await RunAsync("bash", [Path.Combine(kit, "compare.sh"),
                "--seq", $"{environment}{client} --compare seq {{port}} {{count}}",
                "--piped", $"{environment}{client} --compare piped {{port}} {{count}} {{k}}",
                "--rounds", rounds.ToString(CultureInfo.InvariantCulture)]);
            Console.Write(output);
            figures[setting] = ParseRatios(output);
        }

        // The ceiling the runtime's socket engine leaves any async .NET client: the same exchange on a bare socket.
        Console.WriteLine("compare.sh, a bare .NET socket (sequential only), default runtime settings …");
        string bare = await RunAsync("bash", [Path.Combine(kit, "compare.sh"),
            "--seq", $"{client} --compare bare-seq {{port}} {{count}}",
            "--rounds", rounds.ToString(CultureInfo.InvariantCulture)]);
        Console.Write(bare);
        figures["bare socket"] = ParseRatios(bare);

        (double allocation, double idle) = await MemoryFiguresAsync(kit, console);
        Console.WriteLine();
        Console.WriteLine($"{"measure",-36} {"default",9} {"tiering off",12} {"target",8} {"",7} {"bare .NET socket",16}");
        foreach ((string placement, string mode, string name, double target) in Ratios)
        {
            double shown = figures["default"].GetValueOrDefault((placement, mode));
            Console.WriteLine($"{name,-36} {shown,9:F3} {figures["tiering off"].GetValueOrDefault((placement, mode)),12:F3} {"≥ " + target.ToString("0.##", CultureInfo.InvariantCulture),8} {(shown >= target ? "met" : "not met"),-7} {(figures["bare socket"].TryGetValue((placement, mode), out double bareRatio) ? bareRatio.ToString("F3", CultureInfo.InvariantCulture) : "—"),16}");
        }

        Console.WriteLine($"{"allocation per sequential command",-36} {allocation,7:F0} B {"",12} {"≤ 256 B",8} {(allocation <= 256 ? "met" : "not met")}");
        Console.WriteLine($"{"RSS per extra idle connection",-36} {idle,5:F2} KiB {"",12} {"≤ 4 KiB",8} {(idle <= 4 ? "met" : "not met")}");
        Console.WriteLine("(ratios: RconTyped's commands per second over the C floor's in the same run, medians of the rounds; see docs/benchmarks.md)");
        return 0;
    }

    /// <summary>Allocation per command and RSS per idle connection, each in a child process, against a C server of the kit.</summary>
    private static async Task<(double Allocation, double Idle)> MemoryFiguresAsync(string kit, string[] console)
    {
        string build = Directory.CreateTempSubdirectory("rcon-floor-").FullName;
        try
        {
            await RunAsync("sh", [Path.Combine(kit, "build.sh"), build]);
            using var server = Process.Start(new ProcessStartInfo(Path.Combine(build, "fastsrv"), "--port 0 --password pw") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            try
            {
                string? line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
                Match port = ListeningPort().Match(line ?? string.Empty);
                if (!port.Success)
                {
                    throw new InvalidOperationException($"fastsrv did not say where it listens: '{line}'");
                }

                double allocation = LastNumber(await RunAsync(console[0], [.. console[1..], "--compare", "alloc", port.Groups[1].Value, "20000"]));
                double idle = LastNumber(await RunAsync(console[0], [.. console[1..], "--compare", "idle", port.Groups[1].Value, "1000"]));
                return (allocation, idle);
            }
            finally
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(build, recursive: true);
        }
    }

    private static Dictionary<(string, string), double> ParseRatios(string output)
    {
        var ratios = new Dictionary<(string, string), double>();
        foreach (Match row in RatioRow().Matches(output))
        {
            ratios[(row.Groups[1].Value, row.Groups[2].Value)] = double.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture);
        }

        return ratios;
    }

    private static double LastNumber(string output) =>
        double.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1], CultureInfo.InvariantCulture);

    private static async Task<string> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }

        return output;
    }

    private static string? FindKit()
    {
        if (Environment.GetEnvironmentVariable("RCON_BENCH_KIT") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "compare.sh")) ? configured : null;
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "floor");
            if (File.Exists(Path.Combine(candidate, "compare.sh")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string CpuName() =>
        File.Exists("/proc/cpuinfo") && File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(':') + 1)..].Trim()
            : "unknown CPU";

    [GeneratedRegex(@"^(pinned|cross)\s+(seq|piped)\s+\d+\s+\d+\s+([0-9.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RatioRow();

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPort();
}
