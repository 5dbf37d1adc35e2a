using System.Globalization;
using System.Threading;
using RconTyped.Generators.Model;
using RconTyped.Schema;

namespace RconTyped.Generators.Parsing;

/// <summary>Merges a class's schema files into the model the emitter writes.</summary>
internal static class ServerModelBuilder
{
    private static readonly string[] BaseMembers =
    {
        "Client", "ExecuteAsync", "InvokeCommandAsync", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    public static ServerBuildResult Build(SchemaRequest request, EquatableArray<SchemaFile> files, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (request.Problem is not null)
        {
            diagnostics.Add(new DiagnosticInfo(SchemaDiagnosticKind.InvalidClass, request.Problem, request.Location));
            return new ServerBuildResult(null, diagnostics.ToEquatableArray());
        }

        // Later files refine earlier ones, entry by entry.
        var found = new List<ConsoleSchema>();
        var sources = new List<string>();
        bool complete = false;
        foreach (string wanted in request.Files)
        {
            SchemaFile? file = Find(files, wanted);
            if (file is null)
            {
                diagnostics.Add(new DiagnosticInfo(
                    SchemaDiagnosticKind.MissingFile,
                    $"[RconSchema] names \"{wanted}\", but no AdditionalFiles item has that name. Add <AdditionalFiles Include=\"{wanted}\" /> to the project file.",
                    request.Location));
                continue;
            }

            sources.Add(System.IO.Path.GetFileName(file.Path));
            diagnostics.AddRange(file.Diagnostics);
            complete |= file.Schema.Complete;
            found.Add(file.Schema);
        }

        cancellationToken.ThrowIfCancellationRequested();
        List<ConsoleEntry> entries = ConsoleSchemaMerger.Merge(found);
        var reserved = new HashSet<string>(BaseMembers.Concat(request.ReservedNames), StringComparer.Ordinal) { request.ClassName };
        string[] identifiers = IdentifierRules.MakeUnique(
            entries.Select(e => IdentifierRules.ToPascalCase(e.Name) + (e.IsCommand ? "Async" : string.Empty)).ToList(),
            reserved);

        // Answer classes are nested in the server, so they must not take a member's name.
        var taken = new HashSet<string>(identifiers.Concat(reserved), StringComparer.Ordinal);
        var members = new List<MemberModel>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            MemberModel member = ToMember(entries[i], identifiers[i]);
            if (entries[i] is { IsCommand: true, Answer: { } shape })
            {
                string className = IdentifierRules.MakeUnique(new[] { IdentifierRules.ToPascalCase(entries[i].Name) + "Answer" }, taken)[0];
                taken.Add(className);
                member = member with { Answer = AnswerModelBuilder.Build(shape, className) };
            }

            members.Add(member);
        }

        var model = new ServerModel(
            request.Namespace,
            request.ClassName,
            request.Accessibility,
            !request.DeclaresClientConstructor,
            sources.ToEquatableArray(),
            complete,
            members.ToEquatableArray());
        return new ServerBuildResult(model, diagnostics.ToEquatableArray());
    }

    private static SchemaFile? Find(EquatableArray<SchemaFile> files, string wanted)
    {
        string normalized = wanted.Replace('\\', '/');
        foreach (SchemaFile file in files)
        {
            string path = file.Path.Replace('\\', '/');
            if (path == normalized || path.EndsWith("/" + normalized, StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }
        }

        return null;
    }

    private static MemberModel ToMember(ConsoleEntry entry, string identifier)
    {
        if (entry.IsCommand)
        {
            var parameters = new List<ParameterModel>();
            var names = IdentifierRules.MakeUnique(
                entry.Parameters.Select(p => IdentifierRules.ToCamelCase(p.Name)).ToList(),
                new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" });
            for (int i = 0; i < entry.Parameters.Count; i++)
            {
                CommandParameter parameter = entry.Parameters[i];
                parameters.Add(new ParameterModel(names[i], parameter.Type, parameter.Optional));
            }

            return new MemberModel(entry.Name, identifier, true, ConsoleValueType.Unknown, null, null, null, entry.Flags, entry.Description, parameters.ToEquatableArray(), entry.HasParameterList, EquatableArray<EnumMember>.Empty);
        }

        return new MemberModel(entry.Name, identifier, false, entry.Type, entry.Default, entry.Min, entry.Max, entry.Flags, entry.Description, EquatableArray<ParameterModel>.Empty, false, entry.EnumValues);
    }
}
