namespace RconTyped.Cli.Shell;

/// <summary>Console names for Tab completion: the matches for a prefix and how far they agree.</summary>
internal sealed class CompletionIndex
{
    private readonly string[] _names;

    public CompletionIndex(IEnumerable<string> names)
    {
        _names = names.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    public static CompletionIndex Empty { get; } = new([]);

    public int Count => _names.Length;

    public IReadOnlyList<string> Names => _names;

    /// <summary>Every name that starts with <paramref name="prefix"/> (case-insensitive), in order.</summary>
    public IReadOnlyList<string> Matches(string prefix) =>
        _names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// What Tab turns <paramref name="prefix"/> into: the whole name plus a space when one name matches, the longest
    /// prefix all matches share when several do, or <paramref name="prefix"/> itself when none does.
    /// </summary>
    public string Complete(string prefix)
    {
        IReadOnlyList<string> matches = Matches(prefix);
        if (matches.Count == 0)
        {
            return prefix;
        }

        if (matches.Count == 1)
        {
            return matches[0] + " ";
        }

        string common = matches[0];
        foreach (string match in matches)
        {
            int length = 0;
            while (length < common.Length && length < match.Length && char.ToLowerInvariant(common[length]) == char.ToLowerInvariant(match[length]))
            {
                length++;
            }

            common = common[..length];
        }

        // What the user typed stays as typed; only the agreed continuation is added.
        return common.Length > prefix.Length ? prefix + common[prefix.Length..] : prefix;
    }
}
