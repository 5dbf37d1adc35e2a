using System.Text;
using CsCheck;
using RconTyped.Logs;

namespace RconTyped.Tests.Logs;

/// <summary>
/// <c>LogEvent.Parse</c> returns for every input: every line of every real log in data/logs, cut at every position,
/// with each space doubled, each quote removed and each number overflowed, and random edits of those lines.
/// </summary>
public class LogParserPropertyTests
{
    private static readonly string[] RealLines = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "logs"), "*.log")
        .Order(StringComparer.Ordinal)
        .SelectMany(path => RealLogTests.ReadLines(Path.GetFileName(path)))
        .Where(line => line.Length > 0)];

    [Fact]
    public void Every_real_line_cut_at_every_position_parses()
    {
        AssertAllParse(RealLines.SelectMany(line => Enumerable.Range(0, line.Length).SelectMany(i => (string[])[line[..i], line[i..]])));
    }

    [Fact]
    public void Every_real_line_with_a_space_doubled_a_quote_removed_or_a_number_overflowed_parses()
    {
        AssertAllParse(RealLines.SelectMany(Mutations));
    }

    [Fact]
    public void Random_edits_of_real_lines_parse()
    {
        // Characters the grammar gives meaning to, so the edits reach the readers' edge cases rather than stopping at the first check.
        const string Grammar = "\"<>[]() :-=$+,.0123456789\t{}";
        Gen<string> edited = Gen.Select(Gen.Int[0, RealLines.Length - 1], Gen.Select(Gen.Int[0, 3], Gen.Double[0, 1], Gen.Char[Grammar]).Array[1, 8])
            .Select((index, edits) =>
            {
                var line = new StringBuilder(RealLines[index]);
                foreach ((int kind, double where, char c) in edits)
                {
                    int at = (int)(where * line.Length);
                    switch (kind)
                    {
                        case 0: line.Insert(at, c); break;
                        case 1 when at < line.Length: line.Remove(at, 1); break;
                        case 2 when at < line.Length: line[at] = c; break;
                        default: line.Length = at; break;
                    }
                }

                return line.ToString();
            });

        edited.Sample(line => Parses(line), iter: 50_000);
    }

    [Fact]
    public void Lines_made_only_of_the_grammar_parse()
    {
        Gen.String[Gen.Char["\"<> []()0123456789-:$=+LU,.abdeiklnorstwy_"], 0, 120].Sample(line => Parses("L 11/30/2026 - 12:00:00: " + line), iter: 50_000);
    }

    /// <summary>The line with one space doubled, one quote removed, or one number made too large for an int (each in turn).</summary>
    internal static IEnumerable<string> Mutations(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == ' ')
            {
                yield return line.Insert(i, " ");
            }
            else if (line[i] == '"')
            {
                yield return line.Remove(i, 1);
            }
            else if (char.IsAsciiDigit(line[i]) && (i == 0 || !char.IsAsciiDigit(line[i - 1])))
            {
                int end = i;
                while (end < line.Length && char.IsAsciiDigit(line[end]))
                {
                    end++;
                }

                yield return line[..i] + "99999999999999999999" + line[end..];
                yield return line[..i] + "-2147483649" + line[end..];
            }
        }
    }

    private static bool Parses(string line)
    {
        LogEvent parsed = LogEvent.Parse(line);
        return parsed.Raw is not null;
    }

    private static void AssertAllParse(IEnumerable<string> lines)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (string line in lines)
        {
            count++;
            try
            {
                Parses(line);
            }
            catch (Exception e)
            {
                failures.Add($"{e.GetType().Name}: {line}");
            }
        }

        Assert.True(count > 10_000, $"only {count} inputs: the real logs are missing");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} inputs threw, for example:\n{string.Join('\n', failures.Take(10))}");
    }
}
