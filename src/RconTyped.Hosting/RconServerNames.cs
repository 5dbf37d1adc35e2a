namespace RconTyped.Hosting;

/// <summary>
/// The names of the servers registered with the container: the named options <see cref="RconClientFactory"/> serves.
/// Names match in any case; the options are read under the name as registered.
/// </summary>
internal sealed class RconServerNames
{
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> All => _names.Values;

    public bool Contains(string name) => _names.ContainsKey(name);

    /// <summary>The name as registered, for a name in any case; null when none matches.</summary>
    public string? Registered(string name) => _names.GetValueOrDefault(name);

    /// <summary>Adds a name; registration time only, before the container is built.</summary>
    public void Add(string name) => _names.TryAdd(name, name);
}
