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
    public static int Report(CliConsole console, Exception error) => Report(console, ExitCodeOf(error), Describe(error));

    /// <summary>The message to show for an error: the library's, with its advice put in the tool's terms.</summary>
    public static string Describe(Exception error) =>
        error is RconEncodingException ? error.Message.Replace("ExecuteRawAsync(...).Body", "--encoding", StringComparison.Ordinal) : error.Message;

    private static int ExitCodeOf(Exception error) => error switch
    {
        FormatException or ArgumentException => ExitCode.Usage,
        RconAuthenticationException => ExitCode.AuthenticationFailure,
        RconTimeoutException => ExitCode.Timeout,
        RconEncodingException => ExitCode.EncodingFailure,
        _ => ExitCode.ConnectionFailure,
    };

    /// <summary>Whether an exception is one of those <see cref="Report(CliConsole, Exception)"/> maps (the rest are bugs and propagate).</summary>
    public static bool IsExpected(Exception error) => error is RconException or FormatException or ArgumentException;
}
