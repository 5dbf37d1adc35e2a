namespace RconTyped.Cli.Shell;

/// <summary>Where the shell's lines come from: a terminal with editing and completion, or plain input.</summary>
internal interface ILineReader
{
    /// <summary>The next line, or null at the end of input.</summary>
    string? ReadLine(string prompt, Func<CompletionIndex> completion);
}
