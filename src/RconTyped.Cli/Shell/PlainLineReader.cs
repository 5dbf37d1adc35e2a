namespace RconTyped.Cli.Shell;

/// <summary>Lines from redirected input (a pipe or a file): no prompt, no echo.</summary>
internal sealed class PlainLineReader(TextReader input) : ILineReader
{
    public string? ReadLine(string prompt, Func<CompletionIndex> completion) => input.ReadLine();
}
