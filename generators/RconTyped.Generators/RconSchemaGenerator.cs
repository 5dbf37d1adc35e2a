using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RconTyped.Generators.Emit;
using RconTyped.Generators.Model;
using RconTyped.Generators.Parsing;
using RconTyped.Schema;

namespace RconTyped.Generators;

/// <summary>
/// Generates typed RCON APIs: for each <c>[RconSchema("file")] partial class X : RconServer</c>, a constructor,
/// a property per cvar and a method per command, from AdditionalFiles (<c>*.rcon.json</c> schemas or cvarlist dumps).
/// </summary>
/// <remarks>
/// Only values travel through the pipeline (no symbols, syntax or locations), and schema files are the only
/// other input, so an edit to an unrelated C# file re-parses and re-emits nothing. Diagnostics travel apart
/// from the model, so moving a diagnostic does not re-emit code.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class RconSchemaGenerator : IIncrementalGenerator
{
    private const string AttributeName = "RconTyped.RconSchemaAttribute";
    private static readonly string Version = typeof(RconSchemaGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SchemaRequest> requests = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeName, static (node, _) => node is ClassDeclarationSyntax, static (attributeContext, _) => CreateRequest(attributeContext))
            .WithTrackingName(TrackingNames.Request);

        // The file names any request wants, so only those AdditionalFiles are read.
        IncrementalValueProvider<EquatableArray<string>> wanted = requests
            .SelectMany(static (request, _) => request.Files)
            .Collect()
            .Select(static (names, _) => names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());

        IncrementalValuesProvider<SchemaFile> files = context.AdditionalTextsProvider
            .Combine(wanted)
            .Where(static pair => IsWanted(pair.Left.Path, pair.Right))
            .Select(static (pair, cancellationToken) => ParseFile(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValueProvider<EquatableArray<SchemaFile>> allFiles = files
            .Collect()
            .Select(static (parsed, _) => parsed.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray());

        IncrementalValuesProvider<ServerBuildResult> servers = requests
            .Combine(allFiles)
            .Select(static (pair, cancellationToken) => ServerModelBuilder.Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(
            servers.Select(static (result, _) => result.Model).Where(static model => model is not null),
            static (output, model) => output.AddSource(model!.HintName, SourceText.From(ServerEmitter.Emit(model, Version), System.Text.Encoding.UTF8)));

        context.RegisterSourceOutput(
            servers.Select(static (result, _) => result.Diagnostics),
            static (output, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });
    }

    private static SchemaRequest CreateRequest(GeneratorAttributeSyntaxContext context)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        AttributeData attribute = context.Attributes[0];
        var files = new List<string>();
        foreach (TypedConstant argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Array)
            {
                files.AddRange(argument.Values.Select(v => v.Value as string).Where(v => !string.IsNullOrWhiteSpace(v))!);
            }
            else if (argument.Value is string single && single.Length > 0)
            {
                files.Add(single);
            }
        }

        string? problem = null;
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        if (!declaration.Modifiers.Any(m => m.Text == "partial"))
        {
            problem = $"{type.Name} must be declared partial so the typed API can be generated into it.";
        }
        else if (type.ContainingType is not null || type.IsGenericType)
        {
            problem = $"{type.Name} is nested or generic; use a top-level, non-generic class.";
        }
        else if (!DerivesFromRconServer(type))
        {
            problem = $"{type.Name} does not derive from RconTyped.RconServer.";
        }
        else if (files.Count == 0)
        {
            problem = $"[RconSchema] on {type.Name} names no file.";
        }

        bool declaresClientConstructor = type.InstanceConstructors.Any(c =>
            !c.IsImplicitlyDeclared && c.Parameters.Length == 1 && c.Parameters[0].Type.ToDisplayString() == "RconTyped.RconClient");
        var reserved = type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: MethodKind.Constructor }).Select(m => m.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        return new SchemaRequest(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            declaresClientConstructor,
            files.ToEquatableArray(),
            reserved.ToEquatableArray(),
            problem,
            LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation()));
    }

    private static bool DerivesFromRconServer(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "RconServer" && current.ContainingNamespace.ToDisplayString() == "RconTyped")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWanted(string path, EquatableArray<string> wanted)
    {
        string normalized = path.Replace('\\', '/');
        foreach (string name in wanted)
        {
            string file = name.Replace('\\', '/');
            if (normalized == file || normalized.EndsWith("/" + file, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static SchemaFile ParseFile(AdditionalText file, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new SchemaFile(file.Path, new ConsoleSchema(EquatableArray<ConsoleEntry>.Empty, false, EquatableArray<SchemaDiagnostic>.Empty), new[]
            {
                new DiagnosticInfo(SchemaDiagnosticKind.MissingFile, $"the AdditionalFiles item {file.Path} cannot be read.", null),
            }.ToEquatableArray());
        }

        ConsoleSchema schema = SchemaFileParser.Parse(text.ToString());
        var diagnostics = new List<DiagnosticInfo>();
        foreach (SchemaDiagnostic diagnostic in schema.Diagnostics)
        {
            diagnostics.Add(new DiagnosticInfo(diagnostic.Kind, diagnostic.Detail, Place(file.Path, text, diagnostic)));
        }

        if (schema.Entries.Count == 0 && !schema.Diagnostics.Any(d => d.Kind == SchemaDiagnosticKind.InvalidJson))
        {
            diagnostics.Add(new DiagnosticInfo(SchemaDiagnosticKind.EmptySchema, System.IO.Path.GetFileName(file.Path), new LocationInfo(file.Path, default, default)));
        }

        return new SchemaFile(file.Path, schema, diagnostics.ToEquatableArray());
    }

    private static LocationInfo Place(string path, SourceText text, SchemaDiagnostic diagnostic)
    {
        int lineNumber = Math.Min(Math.Max(diagnostic.Line, 0), text.Lines.Count - 1);
        TextLine line = text.Lines[lineNumber];
        int column = Math.Min(diagnostic.Column, line.Span.Length);
        int length = Math.Min(Math.Max(diagnostic.Length, 0), line.Span.Length - column);
        var span = new TextSpan(line.Start + column, length);
        return new LocationInfo(path, span, new LinePositionSpan(new LinePosition(lineNumber, column), new LinePosition(lineNumber, column + length)));
    }
}
