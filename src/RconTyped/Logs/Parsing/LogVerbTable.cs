using System.Diagnostics.CodeAnalysis;

namespace RconTyped.Logs.Parsing;

/// <summary>
/// Which reader reads a line, by the words it starts with: rows grouped by their first character and tried longest first
/// there, so <c>killed other </c> wins over <c>killed </c> and the order the rows are written in does not matter. A new
/// kind of line is one reader and one row.
/// </summary>
/// <typeparam name="TReader">The readers' delegate type.</typeparam>
internal sealed class LogVerbTable<TReader>
    where TReader : Delegate
{
    private readonly (string Verb, TReader Reader)[][] _byFirstChar = new (string, TReader)[128][];

    public LogVerbTable(params (string Verb, TReader Reader)[] rows)
    {
        foreach (IGrouping<char, (string Verb, TReader Reader)> group in rows.GroupBy(row => row.Verb[0]))
        {
            if (group.Key >= 128)
            {
                throw new ArgumentException($"The verb '{group.First().Verb}' does not start with an ASCII character.", nameof(rows));
            }

            _byFirstChar[group.Key] = [.. group.OrderByDescending(row => row.Verb.Length)];
        }
    }

    /// <summary>The reader of the longest verb <paramref name="text"/> starts with, and that verb's length.</summary>
    public bool TryMatch(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out TReader reader, out int verbLength)
    {
        if (!text.IsEmpty && text[0] < 128 && _byFirstChar[text[0]] is { } rows)
        {
            foreach ((string verb, TReader candidate) in rows)
            {
                if (text.StartsWith(verb, StringComparison.Ordinal))
                {
                    reader = candidate;
                    verbLength = verb.Length;
                    return true;
                }
            }
        }

        reader = null;
        verbLength = 0;
        return false;
    }
}
