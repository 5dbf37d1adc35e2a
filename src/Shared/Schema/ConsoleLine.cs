using System.Collections.Generic;
using System.Text;

namespace RconTyped.Schema;

/// <summary>
/// Splits a console line as srcds does: statements at ';' outside quotes and at line breaks, words at white space,
/// double quotes grouping. Linked into the source generator (the analyzer reads raw commands with it) and into
/// RconTyped.Testing (the emulated console runs lines with it), so both read a line the same way.
/// </summary>
internal static class ConsoleLine
{
    /// <summary>The statements of a line: split at ';' outside quotes and at '\n'; a quote never spans statements.</summary>
    public static List<string> SplitStatements(string line)
    {
        var statements = new List<string>();
        bool quoted = false;
        int start = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if ((c == ';' && !quoted) || c == '\n')
            {
                statements.Add(line.Substring(start, i - start));
                start = i + 1;
                quoted = false;
            }
        }

        statements.Add(line.Substring(start));
        return statements;
    }

    /// <summary>The words of one statement.</summary>
    public static List<string> SplitWords(string statement) => SplitWords(statement, out _);

    /// <summary>The words of one statement; <paramref name="quoteLeftOpen"/> tells whether a quote was never closed.</summary>
    public static List<string> SplitWords(string statement, out bool quoteLeftOpen)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false;
        bool inWord = false;
        foreach (char c in statement)
        {
            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        quoteLeftOpen = quoted;
        return words;
    }

    /// <summary>
    /// The words of a line that holds exactly one command, or null when it holds more (';' outside quotes, a line break)
    /// or leaves a quote open: such a line has no single typed equivalent.
    /// </summary>
    public static List<string>? SplitSingleCommand(string line)
    {
        if (line.IndexOf('\r') >= 0 || SplitStatements(line).Count != 1)
        {
            return null;
        }

        List<string> words = SplitWords(line, out bool quoteLeftOpen);
        return quoteLeftOpen ? null : words;
    }
}
