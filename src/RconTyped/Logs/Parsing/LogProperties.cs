namespace RconTyped.Logs.Parsing;

/// <summary>
/// The <c> (key "value")</c>, <c> (flag)</c> and <c> (key: value)</c> groups at the end of a line, read in one pass into a
/// stack buffer of positions, then into an array of the exact size, with the keys real logs repeat on most lines shared.
/// </summary>
internal static class LogProperties
{
    /// <summary>Lines with more groups than this are read twice (counted, then read) instead.</summary>
    private const int StackGroups = 16;

    public static IReadOnlyList<KeyValuePair<string, string>> Read(ReadOnlySpan<char> text)
    {
        Span<Range> found = stackalloc Range[StackGroups * 2];
        int count = 0;
        for (int position = 0; count < StackGroups && TryReadNext(text, ref position, out found[2 * count], out found[(2 * count) + 1]); count++)
        {
        }

        if (count == 0)
        {
            return [];
        }

        if (count == StackGroups)
        {
            return ReadMany(text);
        }

        var properties = new KeyValuePair<string, string>[count];
        for (int i = 0; i < count; i++)
        {
            properties[i] = Property(text, found[2 * i], found[(2 * i) + 1]);
        }

        return properties;
    }

    /// <summary>The value of the first property named <paramref name="key"/>, or null.</summary>
    public static string? Value(IReadOnlyList<KeyValuePair<string, string>> properties, string key)
    {
        foreach (KeyValuePair<string, string> property in properties)
        {
            if (property.Key == key)
            {
                return property.Value;
            }
        }

        return null;
    }

    public static bool Has(IReadOnlyList<KeyValuePair<string, string>> properties, string key) => Value(properties, key) is not null;

    /// <summary>A line with many groups: counted first, then read into an array of the exact size.</summary>
    private static KeyValuePair<string, string>[] ReadMany(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int position = 0; TryReadNext(text, ref position, out _, out _);)
        {
            count++;
        }

        var properties = new KeyValuePair<string, string>[count];
        int at = 0;
        for (int i = 0; i < count && TryReadNext(text, ref at, out Range key, out Range value); i++)
        {
            properties[i] = Property(text, key, value);
        }

        return properties;
    }

    private static KeyValuePair<string, string> Property(ReadOnlySpan<char> text, Range key, Range value) =>
        new(Key(text[key]), LogStringPool.Get(text[value]));

    /// <summary>The next group at or after <paramref name="position"/>: where its key and value lie, and where the group ends.</summary>
    private static bool TryReadNext(ReadOnlySpan<char> text, ref int position, out Range key, out Range value)
    {
        key = value = default;
        int open = text[position..].IndexOf('(');
        if (open < 0)
        {
            return false;
        }

        int keyStart = position + open + 1;
        int space = text[keyStart..].IndexOfAny(' ', ')');
        if (space < 0)
        {
            return false;
        }

        int keyEnd = keyStart + space;
        if (text[keyEnd] == ')')
        {
            key = keyStart..keyEnd;
            value = keyEnd..keyEnd;
            position = keyEnd + 1;
            return true;
        }

        int valueStart = keyEnd + 1;
        if (valueStart < text.Length && text[valueStart] == '"')
        {
            // The value runs to the next quote followed by ')': values may hold quotes (TF2's player1 "Name<…>").
            int close = text[(valueStart + 1)..].IndexOf("\")");
            if (close < 0)
            {
                return false;
            }

            key = keyStart..keyEnd;
            value = (valueStart + 1)..(valueStart + 1 + close);
            position = valueStart + 1 + close + 2;
            return true;
        }

        int end = text[valueStart..].IndexOf(')');
        if (end < 0)
        {
            return false;
        }

        // CS:GO's (purchase: weapon_x): the colon is not part of the key.
        key = keyStart..(text[keyEnd - 1] == ':' ? keyEnd - 1 : keyEnd);
        value = valueStart..(valueStart + end);
        position = valueStart + end + 1;
        return true;
    }

    /// <summary>A property key, without a new string for the keys real logs repeat on most lines.</summary>
    private static string Key(ReadOnlySpan<char> text) => text switch
    {
        "damage" => "damage",
        "realdamage" => "realdamage",
        "weapon" => "weapon",
        "healing" => "healing",
        "attacker_position" => "attacker_position",
        "victim_position" => "victim_position",
        "assister_position" => "assister_position",
        "reason" => "reason",
        "headshot" => "headshot",
        "customkill" => "customkill",
        "crit" => "crit",
        "airshot" => "airshot",
        "height" => "height",
        "ubercharge" => "ubercharge",
        "hitgroup" => "hitgroup",
        "health" => "health",
        "armor" => "armor",
        "damage_armor" => "damage_armor",
        "penetrated" => "penetrated",
        "throughsmoke" => "throughsmoke",
        "noscope" => "noscope",
        "attackerblind" => "attackerblind",
        "attackerinair" => "attackerinair",
        "dead" => "dead",
        "value" => "value",
        "purchase" => "purchase",
        "tracked" => "tracked",
        _ => LogStringPool.Get(text),
    };
}
