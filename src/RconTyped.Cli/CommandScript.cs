namespace RconTyped.Cli;

/// <summary>
/// The commands of one run: every <c>-e</c> in order, then the lines of <c>--file</c> (one command a line; blank lines and
/// lines starting with <c>#</c> are skipped, spaces around a command are not part of it).
/// </summary>
internal static class CommandScript
{
    /// <summary>The commands; throws <see cref="FormatException"/> naming the file when it cannot be read or holds none.</summary>
    public static IReadOnlyList<string> Read(IReadOnlyList<string> executes, string? file)
    {
        var commands = new List<string>(executes);
        if (file is null)
        {
            return commands;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"--file: cannot read '{file}': {e.Message}", e);
        }

        int before = commands.Count;
        foreach (string line in lines)
        {
            string command = line.Trim();
            if (command.Length > 0 && !command.StartsWith('#'))
            {
                commands.Add(command);
            }
        }

        return commands.Count > before ? commands : throw new FormatException($"--file: '{file}' has no commands (blank lines and lines starting with # are skipped).");
    }
}
