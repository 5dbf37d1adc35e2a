using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process, short: this machine has 2 cores, and the emulated server shares them with the client.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(3)
        .WithIterationCount(12));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
