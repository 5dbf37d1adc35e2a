using MessagePack;

namespace RconTyped.Cli.Shell;

/// <summary>
/// What the shell keeps between runs, in the platform's state folder: the history, and per server the names for
/// completion (MessagePack) so the next connect completes at once.
/// </summary>
internal sealed class ShellStore
{
    public const string DirectoryVariable = "RCON_TYPED_STATE_DIR";
    private const int HistoryKept = 1000;

    public ShellStore(string directory) => Directory = directory;

    public string Directory { get; }

    private string HistoryPath => Path.Combine(Directory, "history");

    /// <summary>The state folder: RCON_TYPED_STATE_DIR, else XDG_STATE_HOME or ~/.local/state on Linux, else the local application data folder.</summary>
    public static ShellStore ForPlatform(Func<string, string?> environment)
    {
        string? overridden = environment(DirectoryVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            return new ShellStore(overridden);
        }

        string root = OperatingSystem.IsLinux()
            ? environment("XDG_STATE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return new ShellStore(Path.Combine(root, "rcon-typed"));
    }

    public List<string> LoadHistory()
    {
        try
        {
            return File.Exists(HistoryPath) ? [.. File.ReadAllLines(HistoryPath)] : [];
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Saves the last lines. Lines that mention a password are never written.</summary>
    public void SaveHistory(IEnumerable<string> lines)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllLines(HistoryPath, lines.Where(IsSafeToKeep).TakeLast(HistoryKept));
        }
        catch (IOException)
        {
            // History is a convenience; a read-only home must not break the shell.
        }
    }

    public static bool IsSafeToKeep(string line) =>
        !line.Contains("password", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("!connect", StringComparison.OrdinalIgnoreCase);

    public CompletionIndex? LoadNames(string server)
    {
        try
        {
            string path = NamesPath(server);
            return File.Exists(path) ? new CompletionIndex(ReadNames(File.ReadAllBytes(path))) : null;
        }
        catch (Exception e) when (e is IOException or MessagePackSerializationException or EndOfStreamException or InvalidOperationException)
        {
            return null;
        }
    }

    public void SaveNames(string server, CompletionIndex names)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "completion"));
            File.WriteAllBytes(NamesPath(server), WriteNames(names.Names));
        }
        catch (IOException)
        {
        }
    }

    private string NamesPath(string server)
    {
        string safe = string.Concat(server.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        return Path.Combine(Directory, "completion", safe + ".msgpack");
    }

    /// <summary>The names as a MessagePack array of strings, written with the reader/writer primitives (no reflection, so the Native AOT build can use it).</summary>
    private static byte[] WriteNames(IReadOnlyCollection<string> names)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(names.Count);
        foreach (string name in names)
        {
            writer.Write(name);
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static string[] ReadNames(byte[] bytes)
    {
        var reader = new MessagePackReader(bytes);
        string[] names = new string[reader.ReadArrayHeader()];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString() ?? string.Empty;
        }

        return names;
    }
}
