using System.Text;

namespace RconTyped.Generators.Analyzers;

/// <summary>Splits a console line into words the way Source does: spaces separate, double quotes group.</summary>
internal static class ConsoleWords
{
    /// <summary>The words, or null when the line is more than one command (';' or a line break outside quotes) or a quote is not closed.</summary>
    public static List<string>? Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false;
        bool inWord = false;
        foreach (char c in line)
        {
            if (c == '\n' || c == '\r' || (c == ';' && !quoted))
            {
                return null;
            }

            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (c == ' ' || c == '\t')
            {
                if (quoted)
                {
                    word.Append(c);
                }
                else if (inWord)
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

        if (quoted)
        {
            return null;
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
