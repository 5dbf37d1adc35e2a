namespace RconTyped.Cli.Tests;

/// <summary>Runs the tool in-process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(string[] args, string? environmentPassword = null, bool inputRedirected = true, string? typedPassword = null, string input = "", string? stateDirectory = null, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? time = null, bool outputTerminal = false)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string state = stateDirectory ?? Path.Combine(Path.GetTempPath(), "rcon-typed-tests", Guid.NewGuid().ToString("N"));
        var console = new CliConsole
        {
            In = new StringReader(input),
            Out = output,
            Error = error,
            IsInputRedirected = inputRedirected,
            IsOutputTerminal = outputTerminal,
            ReadSecret = _ => typedPassword,
            Time = time ?? TimeProvider.System,
            GetEnvironmentVariable = name => name switch
            {
                CliApplication.PasswordVariable => environmentPassword,
                RconTyped.Cli.Shell.ShellStore.DirectoryVariable => state,
                _ => environment is not null && environment.TryGetValue(name, out string? value) ? value : null,
            },
        };
        int exitCode = await CliApplication.RunAsync(args, console).WaitAsync(TimeSpan.FromSeconds(60));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
