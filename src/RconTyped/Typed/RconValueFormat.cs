using System.Globalization;
using System.Text.RegularExpressions;

namespace RconTyped;

/// <summary>How typed values are written into console lines and read from console answers.</summary>
public static partial class RconValueFormat
{
    /// <summary>A number written so that it reads back the same, in the invariant culture.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>1</c>/<c>0</c> and <c>true</c>/<c>false</c> (any case).</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "1":
            case "true":
                value = true;
                return true;
            case "0":
            case "false":
                value = false;
                return true;
            default:
                // Source treats any other number as its truth value (GetBool is GetInt != 0).
                bool isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number);
                value = isNumber && number != 0;
                return isNumber;
        }
    }

    /// <summary>
    /// Makes a console argument that stays one argument: quoted when it holds spaces, ';', '//' or the characters
    /// the Source tokenizer splits on. Source has no escape for a double quote or a line break, so those are refused:
    /// a value can never smuggle in a second command.
    /// </summary>
    /// <exception cref="ArgumentException">The value contains a double quote, a line break or a NUL.</exception>
    public static string QuoteArgument(string value, bool alwaysQuote = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('"', '\r', '\n') >= 0 || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "A console argument cannot contain a double quote, a line break or a NUL: Source has no way to escape them, so they would end the argument or start a new command.",
                nameof(value));
        }

        bool needsQuotes = alwaysQuote || value.Length == 0 || value.Contains("//", StringComparison.Ordinal)
            || value.AsSpan().IndexOfAny(" \t;{}()':") >= 0;
        return needsQuotes ? $"\"{value}\"" : value;
    }

    /// <summary>
    /// Reads a cvar's value from the answer to its bare name: srcds's <c>"name" = "value" ( def. "x" ) …</c> or
    /// CS2's <c>name = value</c>.
    /// </summary>
    public static bool TryParseValueReply(string name, string reply, out string value, out string? defaultValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(reply);
        foreach (string line in reply.Split('\n'))
        {
            Match quoted = QuotedReply().Match(line);
            if (quoted.Success && string.Equals(quoted.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase))
            {
                value = quoted.Groups["value"].Value;
                defaultValue = quoted.Groups["default"].Success ? quoted.Groups["default"].Value : null;
                return true;
            }

            Match bare = BareReply().Match(line.TrimEnd('\r'));
            if (bare.Success && string.Equals(bare.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase))
            {
                value = bare.Groups["value"].Value;
                defaultValue = bare.Groups["default"].Success ? bare.Groups["default"].Value : null;
                return true;
            }
        }

        value = string.Empty;
        defaultValue = null;
        return false;
    }

    [GeneratedRegex("^\"(?<name>[^\"]+)\" = \"(?<value>[^\"]*)\"(?: \\( def\\. \"(?<default>[^\"]*)\" \\))?", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedReply();

    [GeneratedRegex("^(?<name>[^\\s\"]+) = (?<value>.*?)(?: \\( def\\. \"(?<default>[^\"]*)\" \\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareReply();
}
