using System.Diagnostics;
using System.Net;

namespace RconTyped.Benchmarks;

/// <summary>
/// The C server of <c>../shared/bench</c> (fastsrv), built into a temporary folder and started on 127.0.0.1 for the
/// benchmarks that must measure the client alone: a server at native speed, in another process.
/// </summary>
internal sealed class FloorServer : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private FloorServer(Process process, string folder, IPEndPoint endPoint)
    {
        _process = process;
        _folder = folder;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    public const string Password = "pw";

    public static FloorServer Start()
    {
        string kit = Locate();
        string folder = Directory.CreateTempSubdirectory("rcon-floor-").FullName;
        Run("sh", $"\"{Path.Combine(kit, "build.sh")}\" \"{folder}\"");
        var process = Process.Start(new ProcessStartInfo(Path.Combine(folder, "fastsrv"), $"--port 0 --password {Password}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string? line = process.StandardOutput.ReadLine() ?? process.StandardError.ReadLine();
        if (line is null || !line.Contains("listening on 127.0.0.1:", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"fastsrv did not start: {line}");
        }

        int port = int.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return new FloorServer(process, folder, new IPEndPoint(IPAddress.Loopback, port));
    }

    public void Dispose()
    {
        _process.Kill();
        _process.WaitForExit();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>RCON_BENCH_KIT, else the first <c>shared/bench</c> beside a parent of this program's folder.</summary>
    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("RCON_BENCH_KIT") is { Length: > 0 } kit)
        {
            return kit;
        }

        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "bench");
            if (File.Exists(Path.Combine(candidate, "build.sh")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The C benchmark kit (shared/bench with build.sh) was not found beside a parent folder; set RCON_BENCH_KIT to its folder.");
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed: {errors}");
        }
    }
}
