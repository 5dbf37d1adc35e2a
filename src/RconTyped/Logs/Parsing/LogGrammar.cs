using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RconTyped.Logs.Parsing;

/// <summary>
/// The pieces every log line is made of: the timestamp, a player reference, a quoted value, a position, a number. Each
/// reader takes what it recognises off the front of the text and says whether it did; none of them throws or reads past
/// the end, whatever the text.
/// </summary>
internal static class LogGrammar
{
    /// <summary>
    /// <c>MM/dd/yyyy - HH:mm:ss: </c> (files and UDP) or <c>MM/dd/yyyy - HH:mm:ss.fff - </c> (HTTP, CS2): the time and how
    /// many characters it took, or 0 and null when the text does not start with one.
    /// </summary>
    public static int ReadTimestamp(ReadOnlySpan<char> text, out DateTime? timestamp)
    {
        timestamp = null;
        if (text.Length < 23 || !TryReadDateTime(text[..21], out DateTime time))
        {
            return 0;
        }

        if (text[21] == ':' && text[22] == ' ')
        {
            timestamp = time;
            return 23;
        }

        if (text.Length >= 28 && text[21] == '.' && text[25..28].SequenceEqual(" - ") && TryReadDigits(text[22..25], out int milliseconds))
        {
            timestamp = time.AddMilliseconds(milliseconds);
            return 28;
        }

        return 0;
    }

    /// <summary>
    /// A player reference at the start of <paramref name="text"/>: <c>"Name&lt;uid&gt;&lt;id&gt;&lt;team&gt;"</c> or, in CS:GO's
    /// team switches, <c>"Name&lt;uid&gt;&lt;id&gt;"</c>. It ends at the first <c>&gt;"</c> (followed by a space, a bracket or
    /// the end) whose groups read back as a user id, an id and a team, so names may hold quotes and angle brackets.
    /// </summary>
    public static bool TryReadPlayer(ref ReadOnlySpan<char> text, [NotNullWhen(true)] out LogPlayer? player)
    {
        player = null;
        if (text.Length < 2 || text[0] != '"')
        {
            return false;
        }

        for (int end = text.IndexOf(">\""); end > 0; end = NextPlayerEnd(text, end))
        {
            int after = end + 2;
            if ((after < text.Length && text[after] != ' ' && text[after] != '[') || !TryReadPlayerGroups(text[1..(end + 1)], out player))
            {
                continue;
            }

            text = text[after..];
            return true;
        }

        return false;
    }

    /// <summary><c>"value"</c> at the start of the text, the value holding no quote.</summary>
    public static bool TryReadQuoted(ref ReadOnlySpan<char> text, [NotNullWhen(true)] out string? value)
    {
        value = TryReadQuotedSpan(ref text, out ReadOnlySpan<char> span) ? LogStringPool.Get(span) : null;
        return value is not null;
    }

    /// <summary><c>"value"</c> at the start of the text, the value holding no quote; the value as a span of the text.</summary>
    public static bool TryReadQuotedSpan(ref ReadOnlySpan<char> text, out ReadOnlySpan<char> value)
    {
        value = default;
        if (text.Length < 2 || text[0] != '"')
        {
            return false;
        }

        int close = text[1..].IndexOf('"');
        if (close < 0)
        {
            return false;
        }

        value = text.Slice(1, close);
        text = text[(close + 2)..];
        return true;
    }

    /// <summary><c> with "weapon"</c>, when it comes next.</summary>
    public static bool TryReadWith(ref ReadOnlySpan<char> text, [NotNullWhen(true)] out string? weapon)
    {
        ReadOnlySpan<char> rest = text;
        weapon = null;
        if (!TrySkip(ref rest, " with ") || !TryReadQuoted(ref rest, out weapon))
        {
            return false;
        }

        text = rest;
        return true;
    }

    /// <summary>Takes <paramref name="literal"/> off the front of the text, when the text starts with it.</summary>
    public static bool TrySkip(ref ReadOnlySpan<char> text, ReadOnlySpan<char> literal)
    {
        if (!text.StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }

        text = text[literal.Length..];
        return true;
    }

    /// <summary>The text up to the next space (or the end), taken off the front; the space stays.</summary>
    public static ReadOnlySpan<char> ReadWord(ref ReadOnlySpan<char> text)
    {
        int space = text.IndexOf(' ');
        ReadOnlySpan<char> word = space < 0 ? text : text[..space];
        text = text[word.Length..];
        return word;
    }

    /// <summary>CS:GO and CS2's <c> [x y z]</c> (or <c>[x y z]</c>) after a player, when it comes next.</summary>
    public static LogVector? ReadBracketedPosition(ref ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> rest = text;
        TrySkip(ref rest, " ");
        if (rest.IsEmpty || rest[0] != '[')
        {
            return null;
        }

        int close = rest.IndexOf(']');
        if (close < 0)
        {
            return null;
        }

        text = rest[(close + 1)..];
        return ParseVector(rest[1..close]);
    }

    /// <summary><c>x y z</c>: three numbers separated by spaces (or by commas and spaces).</summary>
    public static LogVector? ParseVector(ReadOnlySpan<char> text)
    {
        Span<Range> parts = stackalloc Range[4];
        if (text.SplitAny(parts, " ,", StringSplitOptions.RemoveEmptyEntries) != 3)
        {
            return null;
        }

        return Double(text[parts[0]]) is double x && Double(text[parts[1]]) is double y && Double(text[parts[2]]) is double z ? new LogVector(x, y, z) : null;
    }

    /// <summary>The numbers of a space-separated list, in order; a word that is not a number is NaN.</summary>
    public static double[] ReadNumbers(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (ReadOnlySpan<char> scan = text.TrimStart(' '); !scan.IsEmpty; scan = scan.TrimStart(' '))
        {
            ReadWord(ref scan);
            count++;
        }

        var numbers = new double[count];
        text = text.TrimStart(' ');
        for (int i = 0; i < count; i++, text = text.TrimStart(' '))
        {
            numbers[i] = Double(ReadWord(ref text)) ?? double.NaN;
        }

        return numbers;
    }

    /// <summary>An integer with an optional sign, or null when it is not one or does not fit.</summary>
    public static int? Int(ReadOnlySpan<char> text)
    {
        // By hand (an optional sign, then digits): log lines carry several numbers each, and int.TryParse's culture lookup is most of its cost.
        bool negative = !text.IsEmpty && text[0] == '-';
        ReadOnlySpan<char> digits = !text.IsEmpty && text[0] is '-' or '+' ? text[1..] : text;
        if (digits.IsEmpty || digits.Length > 10)
        {
            return null;
        }

        long value = 0;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }

            value = (value * 10) + (c - '0');
        }

        value = negative ? -value : value;
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : null;
    }

    /// <summary>A number with an optional sign and fraction, or null.</summary>
    public static double? Double(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) ? value : null;

    /// <summary>A team name, without a new string for the common ones.</summary>
    public static string Team(ReadOnlySpan<char> text) => text switch
    {
        "" => string.Empty,
        "CT" => "CT",
        "TERRORIST" => "TERRORIST",
        "Red" => "Red",
        "Blue" => "Blue",
        "Unassigned" => "Unassigned",
        "Spectator" => "Spectator",
        "Console" => "Console",
        _ => LogStringPool.Get(text),
    };

    private static int NextPlayerEnd(ReadOnlySpan<char> text, int end)
    {
        int next = text[(end + 1)..].IndexOf(">\"");
        return next < 0 ? -1 : end + 1 + next;
    }

    /// <summary>Back from the end of <c>Name&lt;uid&gt;&lt;id&gt;&lt;team&gt;</c>: the team, the id, the user id (or the id and user id, with no team).</summary>
    private static bool TryReadPlayerGroups(ReadOnlySpan<char> inner, [NotNullWhen(true)] out LogPlayer? player)
    {
        player = null;
        if (!TryGroup(inner, out ReadOnlySpan<char> last, out ReadOnlySpan<char> before) || !TryGroup(before, out ReadOnlySpan<char> middle, out ReadOnlySpan<char> head))
        {
            return false;
        }

        ReadOnlySpan<char> name, uid, id;
        string? team;
        if (TryGroup(head, out ReadOnlySpan<char> first, out ReadOnlySpan<char> rest) && IsUserId(first))
        {
            name = rest;
            uid = first;
            id = middle;
            team = Team(last);
        }
        else if (IsUserId(middle))
        {
            // CS:GO's team switches print no team group: "Name<uid><id>".
            name = head;
            uid = middle;
            id = last;
            team = null;
        }
        else
        {
            return false;
        }

        bool isBot = id.SequenceEqual("BOT");
        player = new LogPlayer(LogStringPool.Get(name), Int(uid), !isBot && SteamId.TryParse(id, out SteamId steamId) ? steamId : null, team)
        {
            IsBot = isBot,
            IsConsole = id.SequenceEqual("Console"),
        };
        return true;
    }

    /// <summary>Splits <c>…&lt;group&gt;</c> into the group and what comes before its <c>&lt;</c>. CS2 writes a missing id as <c>&lt;&lt;none&gt;&gt;</c>.</summary>
    private static bool TryGroup(ReadOnlySpan<char> text, out ReadOnlySpan<char> group, out ReadOnlySpan<char> before)
    {
        group = before = default;
        if (text.EndsWith("<<none>>"))
        {
            group = text[^7..^1];
            before = text[..^8];
            return true;
        }

        if (text.Length < 2 || text[^1] != '>')
        {
            return false;
        }

        int open = text[..^1].LastIndexOf('<');
        if (open < 0 || text[(open + 1)..^1].Contains('>'))
        {
            return false;
        }

        group = text[(open + 1)..^1];
        before = text[..open];
        return true;
    }

    private static bool IsUserId(ReadOnlySpan<char> text) => text.Length is > 0 and < 10 && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary><c>MM/dd/yyyy - HH:mm:ss</c>, a real date and time.</summary>
    private static bool TryReadDateTime(ReadOnlySpan<char> text, out DateTime time)
    {
        time = default;
        if (text[2] != '/' || text[5] != '/' || !text[10..13].SequenceEqual(" - ") || text[15] != ':' || text[18] != ':'
            || !TryReadDigits(text[0..2], out int month) || !TryReadDigits(text[3..5], out int day) || !TryReadDigits(text[6..10], out int year)
            || !TryReadDigits(text[13..15], out int hour) || !TryReadDigits(text[16..18], out int minute) || !TryReadDigits(text[19..21], out int second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>A fixed number of ASCII digits (so no sign, no overflow).</summary>
    private static bool TryReadDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
