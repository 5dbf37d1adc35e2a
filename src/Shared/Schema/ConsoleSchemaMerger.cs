using System.Collections.Generic;
using System.Linq;

namespace RconTyped.Schema;

/// <summary>Merges schemas in order: a later entry refines an earlier one of the same name (type, bounds, help, parameters).</summary>
internal static class ConsoleSchemaMerger
{
    public static List<ConsoleEntry> Merge(IEnumerable<ConsoleSchema> schemas)
    {
        var merged = new Dictionary<string, ConsoleEntry>(StringComparer.Ordinal);
        foreach (ConsoleSchema schema in schemas)
        {
            foreach (ConsoleEntry entry in schema.Entries)
            {
                merged[entry.Name] = merged.TryGetValue(entry.Name, out ConsoleEntry? earlier) ? Refine(earlier, entry) : entry;
            }
        }

        return merged.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    public static ConsoleEntry Refine(ConsoleEntry earlier, ConsoleEntry later) => new(
        later.Name,
        later.IsCommand,
        later.Type != ConsoleValueType.Unknown ? later.Type : (later.IsCommand == earlier.IsCommand ? earlier.Type : ConsoleValueType.Unknown),
        later.Value ?? earlier.Value,
        later.Default ?? earlier.Default,
        later.Min ?? earlier.Min,
        later.Max ?? earlier.Max,
        later.Flags.Count > 0 ? later.Flags : earlier.Flags,
        later.Description.Length > 0 ? later.Description : earlier.Description,
        later.HasParameterList ? later.Parameters : earlier.Parameters,
        later.EnumValues.Count > 0 ? later.EnumValues : earlier.EnumValues,
        later.HasParameterList || earlier.HasParameterList,
        later.Answer ?? earlier.Answer);
}
