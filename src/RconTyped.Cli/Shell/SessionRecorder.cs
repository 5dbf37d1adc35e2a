using System.Diagnostics;
using RconTyped.Testing;

namespace RconTyped.Cli.Shell;

/// <summary>Collects a shell session's commands and answers (bytes as received, with timings) for <c>rcon-typed record</c>.</summary>
internal sealed class SessionRecorder(string server, FileInfo output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly List<RecordedExchange> _exchanges = [];

    public FileInfo Output => output;

    public int Count => _exchanges.Count;

    public TimeSpan Now => _clock.Elapsed;

    public void Add(string command, byte[]? response, TimeSpan started) =>
        _exchanges.Add(new RecordedExchange(command, response, started, _clock.Elapsed - started));

    public void Save()
    {
        output.Directory?.Create();
        File.WriteAllBytes(output.FullName, RecordingFile.Write(new Recording(server, _started, _exchanges)));
    }
}
