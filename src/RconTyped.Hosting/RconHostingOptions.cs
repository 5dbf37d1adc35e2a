namespace RconTyped.Hosting;

/// <summary>The <c>Rcon</c> section: the named servers.</summary>
public sealed class RconHostingOptions
{
    /// <summary>The servers, by name (case-insensitive).</summary>
    public Dictionary<string, RconServerSettings> Servers { get; } = new(StringComparer.OrdinalIgnoreCase);
}
