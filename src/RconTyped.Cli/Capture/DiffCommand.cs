using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RconTyped.Schema;

namespace RconTyped.Cli;

/// <summary><c>rcon-typed diff OLD NEW</c>: cvars and commands added, removed and changed between two captures (any format).</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var before = new Argument<FileInfo>("old") { Description = "The earlier capture (schema or dump)." };
        var after = new Argument<FileInfo>("new") { Description = "The later capture (schema or dump)." };
        var json = new Option<bool>("--json") { Description = "Print the differences as JSON." };
        var command = new Command("diff", "List cvars and commands added, removed and changed between two captures.") { before, after, json };
        command.SetAction((result, token) => RunAsync(console, result.GetValue(before)!, result.GetValue(after)!, result.GetValue(json), token));
        return command;
    }

    internal static SchemaDifference Compare(ConsoleSchema before, ConsoleSchema after)
    {
        var old = before.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var current = after.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var changed = new List<ChangedEntry>();
        foreach (ConsoleEntry entry in after.Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (old.TryGetValue(entry.Name, out ConsoleEntry? earlier) && Changes(earlier, entry) is { Count: > 0 } changes)
            {
                changed.Add(new ChangedEntry(entry.Name, changes));
            }
        }

        return new SchemaDifference(
            [.. after.Entries.Where(e => !old.ContainsKey(e.Name)).Select(e => e.Name).Order(StringComparer.Ordinal)],
            [.. before.Entries.Where(e => !current.ContainsKey(e.Name)).Select(e => e.Name).Order(StringComparer.Ordinal)],
            changed);
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo before, FileInfo after, bool json, CancellationToken cancellationToken)
    {
        foreach (FileInfo file in new[] { before, after })
        {
            if (!file.Exists)
            {
                return CliFailure.Report(console, ExitCode.Usage, $"{file.FullName} does not exist.");
            }
        }

        SchemaDifference difference = Compare(
            SchemaFileParser.Parse(await File.ReadAllTextAsync(before.FullName, cancellationToken).ConfigureAwait(false)),
            SchemaFileParser.Parse(await File.ReadAllTextAsync(after.FullName, cancellationToken).ConfigureAwait(false)));
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(difference, CliJsonCamelCase.Default.SchemaDifference));
            return ExitCode.Success;
        }

        foreach (string name in difference.Added)
        {
            console.Out.WriteLine("+ " + name);
        }

        foreach (string name in difference.Removed)
        {
            console.Out.WriteLine("- " + name);
        }

        foreach (ChangedEntry entry in difference.Changed)
        {
            console.Out.WriteLine($"~ {entry.Name}: {string.Join("; ", entry.Changes)}");
        }

        console.Out.WriteLine($"{difference.Added.Count} added, {difference.Removed.Count} removed, {difference.Changed.Count} changed.");
        return ExitCode.Success;
    }

    private static List<string> Changes(ConsoleEntry before, ConsoleEntry after)
    {
        var changes = new List<string>();
        void Compare<T>(string what, T old, T current)
        {
            if (!EqualityComparer<T>.Default.Equals(old, current))
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {Show(old)} → {Show(current)}"));
            }
        }

        Compare("kind", before.IsCommand ? "command" : "cvar", after.IsCommand ? "command" : "cvar");
        Compare("type", before.Type, after.Type);
        Compare("value", before.Value, after.Value);
        Compare("default", before.Default, after.Default);
        Compare("min", before.Min, after.Min);
        Compare("max", before.Max, after.Max);
        Compare("flags", string.Join(",", before.Flags), string.Join(",", after.Flags));
        Compare("description", before.Description, after.Description);
        return changes;
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        string { Length: 0 } => "\"\"",
        string text => $"\"{text}\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
