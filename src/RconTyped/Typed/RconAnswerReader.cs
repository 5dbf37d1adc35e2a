using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RconTyped;

/// <summary>
/// What the answer types generated from a schema's <c>"answer"</c> call to read lines: patterns with a time limit, lines
/// too long to match, and group conversions that report failure instead of throwing. Not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RconAnswerReader
{
    /// <summary>Lines longer than this are never matched; they go to the answer's unparsed lines.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>How long one match may run before the line counts as unparsed: a hostile answer cannot stall the reader.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>A schema pattern, interpreted (it works under trimming and Native AOT), culture-invariant and time-limited.</summary>
    public static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>The non-blank lines of an answer, line ends removed.</summary>
    public static List<string> Lines(string? text)
    {
        var lines = new List<string>();
        foreach (ReadOnlySpan<char> line in (text ?? string.Empty).AsSpan().EnumerateLines())
        {
            if (!line.IsWhiteSpace())
            {
                lines.Add(line.ToString());
            }
        }

        return lines;
    }

    /// <summary>The match of <paramref name="pattern"/> on <paramref name="line"/>, or null (no match, a line too long, or out of time).</summary>
    public static Match? Match(Regex pattern, string line)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (line is null || line.Length > MaxLineLength)
        {
            return null;
        }

        try
        {
            Match match = pattern.Match(line);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>A group's text; null when the group took no part in the match. Never fails.</summary>
    public static bool TryString(Group group, out string? value)
    {
        ArgumentNullException.ThrowIfNull(group);
        value = group.Success ? group.Value : null;
        return true;
    }

    /// <summary>A whole number; false when the group matched text that is not one, null when it took no part.</summary>
    public static bool TryInt32(Group group, out int? value) =>
        TryConvert(group, out value, (string text, out int result) => int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out result));

    /// <summary>A 64-bit whole number, as <see cref="TryInt32"/>.</summary>
    public static bool TryInt64(Group group, out long? value) =>
        TryConvert(group, out value, (string text, out long result) => long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out result));

    /// <summary>A number in the invariant culture, as <see cref="TryInt32"/>.</summary>
    public static bool TryDouble(Group group, out double? value) =>
        TryConvert(group, out value, (string text, out double result) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result));

    /// <summary><c>1</c>/<c>0</c>, <c>true</c>/<c>false</c> or <c>yes</c>/<c>no</c> in any case, as <see cref="TryInt32"/>.</summary>
    public static bool TryBoolean(Group group, out bool? value) =>
        TryConvert(group, out value, (string text, out bool result) =>
        {
            string word = text.Trim();
            result = word is "1" || word.Equals("true", StringComparison.OrdinalIgnoreCase) || word.Equals("yes", StringComparison.OrdinalIgnoreCase);
            return result || word is "0" || word.Equals("false", StringComparison.OrdinalIgnoreCase) || word.Equals("no", StringComparison.OrdinalIgnoreCase);
        });

    /// <summary>A SteamID in any form <see cref="SteamId.TryParse(string?, out SteamId)"/> reads, as <see cref="TryInt32"/>.</summary>
    public static bool TrySteamId(Group group, out SteamId? value) =>
        TryConvert(group, out value, (string text, out SteamId result) => SteamId.TryParse(text.Trim(), out result));

    /// <summary><c>mm:ss</c>, <c>h:mm:ss</c>, or whole seconds, as <see cref="TryInt32"/>.</summary>
    public static bool TryDuration(Group group, out TimeSpan? value) =>
        TryConvert(group, out value, (string text, out TimeSpan result) =>
        {
            string trimmed = text.Trim();
            if (ServerStatusParser.TryReadDuration(trimmed, out result))
            {
                return true;
            }

            bool isSeconds = int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds);
            result = TimeSpan.FromSeconds(seconds);
            return isSeconds;
        });

    private delegate bool Converter<T>(string text, out T result);

    private static bool TryConvert<T>(Group group, out T? value, Converter<T> convert)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(group);
        value = null;
        if (!group.Success)
        {
            return true;
        }

        if (!convert(group.Value, out T result))
        {
            return false;
        }

        value = result;
        return true;
    }
}
