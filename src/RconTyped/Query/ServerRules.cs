using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RconTyped.Query;

/// <summary>
/// A server's answer to A2S_RULES: its public cvars by name (the last one wins where a name repeats). Values are decoded
/// as UTF-8 with invalid bytes replaced; <see cref="RawRules"/> keeps every pair's bytes as sent, in order, which is what
/// a game that packs binary data into rules (Arma 3, DayZ) needs.
/// </summary>
public sealed class ServerRules : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, string> _rules;

    internal ServerRules(Dictionary<string, string> rules, IReadOnlyList<KeyValuePair<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>>> raw, int declaredCount, bool isTruncated)
    {
        _rules = rules;
        RawRules = raw;
        DeclaredCount = declaredCount;
        IsTruncated = isTruncated;
    }

    /// <summary>Every rule's name and value bytes, in the order sent, duplicates included.</summary>
    public IReadOnlyList<KeyValuePair<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>>> RawRules { get; }

    /// <summary>The count the server put before the rules (a 16-bit field; some servers send a wrong one).</summary>
    public int DeclaredCount { get; }

    /// <summary>The answer ended inside a rule, or held fewer rules than it declared: what arrived is kept.</summary>
    public bool IsTruncated { get; }

    /// <inheritdoc />
    public int Count => _rules.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _rules.Keys;

    /// <inheritdoc />
    public IEnumerable<string> Values => _rules.Values;

    /// <inheritdoc />
    public string this[string key] => _rules[key];

    /// <inheritdoc />
    public bool ContainsKey(string key) => _rules.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _rules.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _rules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
