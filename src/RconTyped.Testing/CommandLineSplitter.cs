using System.Text;

namespace RconTyped.Testing;

/// <summary>Splits a console line as srcds does: statements at ';' outside quotes, words at spaces, quotes grouping.</summary>
internal static class CommandLineSplitter
{
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
                statements.Add(line[start..i]);
                start = i + 1;
                quoted = false;
            }
        }

        statements.Add(line[start..]);
        return statements;
    }

    public static List<string> SplitWords(string statement)
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

        return words;
    }

    /// <summary>The text after the command word, as srcds's Args() gives it to echo and say.</summary>
    public static string ArgumentText(string statement)
    {
        string trimmed = statement.TrimStart();
        int space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0 ? string.Empty : trimmed[(space + 1)..].Trim();
    }
}
