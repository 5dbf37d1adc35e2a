using System.Globalization;

namespace RconTyped.Cli;

/// <summary>Turns errors into one line on stderr and the documented exit code.</summary>
internal static class CliFailure
{
    public static int Report(CliConsole console, int exitCode, string message)
    {
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rcon-typed: error: {message}"));
        return exitCode;
    }

    /// <summary>The exit code for an exception from connecting or running a command, after reporting it.</summary>
    public static int Report(CliConsole console, Exception error) => error switch
    {
        FormatException or ArgumentException => Report(console, ExitCode.Usage, error.Message),
        RconAuthenticationException => Report(console, ExitCode.AuthenticationFailure, error.Message),
        RconTimeoutException => Report(console, ExitCode.Timeout, error.Message),
        RconEncodingException => Report(console, ExitCode.EncodingFailure, error.Message.Replace("ExecuteRawAsync(...).Body", "--encoding", StringComparison.Ordinal)),
        _ => Report(console, ExitCode.ConnectionFailure, error.Message),
    };

    /// <summary>Whether an exception is one of those <see cref="Report(CliConsole, Exception)"/> maps (the rest are bugs and propagate).</summary>
    public static bool IsExpected(Exception error) => error is RconException or FormatException or ArgumentException;
}
