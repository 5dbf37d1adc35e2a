namespace RconTyped.Cli;

/// <summary>What the tool reads and writes, so tests can drive it without a real terminal.</summary>
internal sealed class CliConsole
{
    public required TextReader In { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>True when standard input is a pipe or a file rather than a terminal.</summary>
    public required bool IsInputRedirected { get; init; }

    /// <summary>Reads a password from the terminal without echoing it.</summary>
    public required Func<string, string?> ReadSecret { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>True when standard output is a terminal (tables), false when it is a pipe or a file (plain lines). Default false.</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Whether to colour output: standard output is a terminal and NO_COLOR is not set.</summary>
    public bool UseColor { get; init; }

    /// <summary>The clock behind connection and command timeouts (tests move a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The process's real console.</summary>
    public static CliConsole System { get; } = new()
    {
        In = Console.In,
        Out = Console.Out,
        Error = Console.Error,
        IsInputRedirected = Console.IsInputRedirected,
        ReadSecret = ReadSecretFromTerminal,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        UseColor = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        IsOutputTerminal = !Console.IsOutputRedirected,
    };

    private static string? ReadSecretFromTerminal(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return secret.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}
