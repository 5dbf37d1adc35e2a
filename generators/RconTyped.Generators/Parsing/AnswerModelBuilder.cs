using System.Text.RegularExpressions;
using RconTyped.Generators.Model;
using RconTyped.Schema;

namespace RconTyped.Generators.Parsing;

/// <summary>Turns a schema's answer shape into the names and types the emitter writes.</summary>
internal static class AnswerModelBuilder
{
    /// <summary>Names the answer class already has, so a group cannot take them.</summary>
    private static readonly string[] AnswerMembers = { "Text", "Rows", "UnparsedLines", "Parse", "Row", "ReadLine", "ReadRow", "Equals", "GetHashCode", "ToString", "GetType" };

    /// <summary>Names a positional record already has.</summary>
    private static readonly string[] RowMembers = { "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "Clone" };

    public static AnswerModel Build(AnswerShape shape, string className)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (AnswerField field in shape.Fields)
        {
            types[field.Group] = field.Type;
        }

        // Line groups share one property per name across the line patterns.
        List<string> lineGroups = shape.Fields.Where(f => !f.InRow).Select(f => f.Group).Distinct().ToList();
        string[] lineNames = IdentifierRules.MakeUnique(lineGroups.Select(IdentifierRules.ToPascalCase).ToList(), new HashSet<string>(AnswerMembers.Append(className), StringComparer.Ordinal));
        var lineFields = new Dictionary<string, AnswerFieldModel>(StringComparer.Ordinal);
        for (int i = 0; i < lineGroups.Count; i++)
        {
            lineFields[lineGroups[i]] = Field(lineGroups[i], lineNames[i], types[lineGroups[i]]);
        }

        var lines = shape.LinePatterns
            .Select(pattern => new AnswerLineModel(pattern, GroupsOf(pattern).Select(g => lineFields[g]).ToEquatableArray()))
            .ToEquatableArray();

        var rowFields = new List<AnswerFieldModel>();
        if (shape.RowPattern is not null)
        {
            List<string> rowGroups = GroupsOf(shape.RowPattern).ToList();
            string[] rowNames = IdentifierRules.MakeUnique(rowGroups.Select(IdentifierRules.ToPascalCase).ToList(), new HashSet<string>(RowMembers, StringComparer.Ordinal));
            for (int i = 0; i < rowGroups.Count; i++)
            {
                rowFields.Add(Field(rowGroups[i], rowNames[i], types[rowGroups[i]]));
            }
        }

        return new AnswerModel(className, lines, shape.RowPattern, rowFields.ToEquatableArray());
    }

    private static IEnumerable<string> GroupsOf(string pattern) =>
        new Regex(pattern, RegexOptions.CultureInvariant).GetGroupNames().Where(name => !int.TryParse(name, out _));

    private static AnswerFieldModel Field(string group, string identifier, string type) => new(group, identifier, type switch
    {
        AnswerFieldTypes.Int => AnswerFieldKind.Int,
        AnswerFieldTypes.Long => AnswerFieldKind.Long,
        AnswerFieldTypes.Float => AnswerFieldKind.Float,
        AnswerFieldTypes.Bool => AnswerFieldKind.Bool,
        AnswerFieldTypes.SteamId => AnswerFieldKind.SteamId,
        AnswerFieldTypes.Duration => AnswerFieldKind.Duration,
        _ => AnswerFieldKind.String,
    });
}
