using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RconTyped.Benchmarks;

if (args.Length > 0 && args[0] == "--compare-all")
{
    return await CompareAll.RunAsync(args);
}

if (args.Length > 0 && args[0] == "--compare")
{
    return await CompareRun.RunAsync(args);
}

if (args.Length > 1 && args[0] == "--fleet" && int.TryParse(args[1], out int fleetSize))
{
    return await FleetRun.RunAsync(fleetSize);
}

if (args.Length > 1 && args[0] == "--hostile-http" && int.TryParse(args[1], out int hostileConnections))
{
    return await HostileHttpRun.RunAsync(hostileConnections);
}

if (args.Length > 1 && args[0] == "--a2s-pool" && int.TryParse(args[1], out int a2sServers))
{
    return await A2SPoolRun.RunAsync(a2sServers, args.Length > 2 && int.TryParse(args[2], out int inFlight) ? inFlight : 1024);
}

if (args.Length > 1 && args[0] == "--a2s-farm" && int.TryParse(args[1], out int farmServers))
{
    return await A2SPoolRun.FarmAsync(farmServers);
}

if (args.Length > 0 && args[0] == "--soak")
{
    await Soak.RunAsync();
    return 0;
}

if (args.Length > 0 && args[0] == "--generator-first-run")
{
    // A truly cold run: the generator's code is jitted as it runs, as in a compiler process that just loaded it.
    // With a file (a real dump: tests/data/cvarlists/…), that file; else a synthetic dump of 6,000 rows.
    string dump = args.Length > 1 ? File.ReadAllText(args[1]) : GeneratorBenchmarks.SyntheticDump(6000);
    var parse = Stopwatch.StartNew();
    var schema = RconTyped.Schema.SchemaFileParser.Parse(dump);
    Console.WriteLine($"parse, first call: {parse.Elapsed.TotalMilliseconds:F1} ms ({schema.Entries.Count} entries)");
    parse.Restart();
    RconTyped.Schema.SchemaFileParser.Parse(dump);
    Console.WriteLine($"parse, second call: {parse.Elapsed.TotalMilliseconds:F1} ms");
    var benchmark = new GeneratorBenchmarks();
    var setup = Stopwatch.StartNew();
    benchmark.Setup();
    Console.WriteLine($"first run (setup: compilation, then the generator once, JIT included): {setup.Elapsed.TotalMilliseconds:F1} ms; the driver timed the generator at {benchmark.FirstRunGeneratorTime.TotalMilliseconds:F1} ms");
    var second = Stopwatch.StartNew();
    benchmark.Cold();
    Console.WriteLine($"second cold run (new driver, code already jitted): {second.Elapsed.TotalMilliseconds:F1} ms");
    return 0;
}

// In-process, short: this machine has 2 cores, and the emulated server shares them with the client.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(3)
        .WithIterationCount(12));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
