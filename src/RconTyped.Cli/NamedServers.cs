using System.Text.Json;

namespace RconTyped.Cli;

/// <summary>
/// The named-servers config, read into <see cref="RconServerSettings"/> (the shape hosting configuration binds): <c>{"servers": {"prod": {"address", "dialect", "passwordVariable", "password"}}, "groups": {…}}</c>,
/// so <c>rcon-typed @prod --execute status</c> works. A password written in the file is refused unless only its owner
/// can read the file.
/// </summary>
internal sealed class NamedServers
{
    public const string ConfigVariable = "RCON_TYPED_CONFIG";

    private readonly Dictionary<string, RconServerSettings> _servers;

    private NamedServers(string path, Dictionary<string, RconServerSettings> servers, Dictionary<string, string[]> groups)
    {
        Path = path;
        _servers = servers;
        Groups = groups;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string[]> Groups { get; }

    /// <summary>The config file: --config, else RCON_TYPED_CONFIG, else servers.json in the platform's config folder.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        if (environment(ConfigVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        string root = OperatingSystem.IsLinux()
            ? environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
            : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        return System.IO.Path.Combine(root, "rcon-typed", "servers.json");
    }

    /// <exception cref="FormatException">The file is missing, not JSON, or holds a password while others can read it.</exception>
    public static NamedServers Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"no named-servers config at {path}. Create it (see the README, 'Named servers') or pass --config FILE.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path} is not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        using (document)
        {
            var servers = new Dictionary<string, RconServerSettings>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty("servers", out JsonElement list) && list.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty entry in list.EnumerateObject())
                {
                    string? address = Text(entry.Value, "address");
                    if (address is null)
                    {
                        throw new FormatException($"{path}: server '{entry.Name}' has no \"address\".");
                    }

                    servers[entry.Name] = new RconServerSettings
                    {
                        Address = address,
                        Dialect = Text(entry.Value, "dialect"),
                        PasswordVariable = Text(entry.Value, "passwordVariable"),
                        Password = Text(entry.Value, "password"),
                    };
                }
            }

            if (servers.Values.Any(s => s.Password is not null) && !OwnerOnly(path))
            {
                throw new FormatException($"{path} holds a password but other users can read it. Make it readable by its owner only (chmod 600 {path}), or name an environment variable with \"passwordVariable\" instead.");
            }

            var groups = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty("groups", out JsonElement groupList) && groupList.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty group in groupList.EnumerateObject())
                {
                    groups[group.Name] = group.Value.ValueKind == JsonValueKind.Array
                        ? [.. group.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
                        : [];
                }
            }

            return new NamedServers(path, servers, groups);
        }
    }

    /// <exception cref="FormatException">No server has that name.</exception>
    public RconServerSettings Find(string name) =>
        _servers.TryGetValue(name, out RconServerSettings? server)
            ? server
            : throw new FormatException($"no server named '@{name}' in {Path}; it names {(_servers.Count == 0 ? "none" : string.Join(", ", _servers.Keys.Select(k => "@" + k)))}.");

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool OwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // The user profile's ACLs keep other users out; Unix modes do not apply.
            return true;
        }

        UnixFileMode mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) == 0;
    }
}
