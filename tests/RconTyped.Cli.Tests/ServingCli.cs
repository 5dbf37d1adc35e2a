using System.Text.RegularExpressions;

namespace RconTyped.Cli.Tests;

/// <summary>Runs <c>rcon-typed serve …</c> in-process until disposed, and reads the address it prints.</summary>
internal sealed class ServingCli : IAsyncDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));
    private readonly Task<int> _serving;

    public ServingCli(string[] args, string password, IReadOnlyDictionary<string, string>? environment = null)
    {
        var console = new CliConsole
        {
            In = new StringReader(string.Empty),
            Out = TextWriter.Synchronized(_output),
            Error = TextWriter.Synchronized(_error),
            IsInputRedirected = true,
            ReadSecret = _ => null,
            GetEnvironmentVariable = name => name == CliApplication.PasswordVariable ? password : environment?.GetValueOrDefault(name),
        };
        _serving = CliApplication.RunAsync(args, console, _stop.Token);
    }

    public string Output => _output.ToString();

    public string ErrorOutput => _error.ToString();

    /// <summary>Waits for the line that says where the server listens, and returns its match.</summary>
    public async Task<Match> WaitForAsync(Regex pattern)
    {
        for (int i = 0; i < 300; i++)
        {
            Match match = pattern.Match(Output);
            if (match.Success)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not start: {Output}");
    }

    /// <summary>Stops the server and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        _stop.Cancel();
        return await _serving.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_serving.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
