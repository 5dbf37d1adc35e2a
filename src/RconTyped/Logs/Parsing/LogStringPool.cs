namespace RconTyped.Logs.Parsing;

/// <summary>
/// Short strings that log lines repeat on almost every line (player names, weapons, hit groups, damage numbers), made
/// once and shared: a fixed table of recent strings indexed by a hash of their characters. A miss (a new string, or
/// another string in its slot) makes a new string as before, so the table bounds memory and no input can grow it.
/// Slots are written without a lock: a race leaves one of two equal-content strings in the slot, which is harmless.
/// </summary>
internal static class LogStringPool
{
    /// <summary>Longer strings are not pooled: they seldom repeat.</summary>
    private const int MaxLength = 48;

    private const int Slots = 4096;

    private static readonly string?[] Table = new string?[Slots];

    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (text.Length > MaxLength)
        {
            return text.ToString();
        }

        // The length and three characters pick the slot: O(1) for any text, and a collision only costs a new string.
        uint hash = ((uint)text.Length * 2654435761u) ^ ((uint)text[0] * 40503u) ^ ((uint)text[^1] * 59359u) ^ ((uint)text[text.Length >> 1] * 101u);
        ref string? slot = ref Table[(hash ^ (hash >> 15)) & (Slots - 1)];
        string? pooled = slot;
        if (pooled is not null && text.SequenceEqual(pooled))
        {
            return pooled;
        }

        string made = text.ToString();
        slot = made;
        return made;
    }
}
