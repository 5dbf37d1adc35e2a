using Microsoft.CodeAnalysis;
using RconTyped.Schema;

namespace RconTyped.Generators;

/// <summary>The generator's diagnostics. Each id has docs/diagnostics/RCONnnn.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RconTyped.Schema";
    private const string UsageCategory = "Usage";

    // Each format frames the particulars the schema code reports (SchemaDiagnostic.Detail) with what happens next.
    public static readonly DiagnosticDescriptor UnreadableLine = Create("RCON101", "Line is not a cvarlist row", "Line skipped, {0}", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DuplicateNames = Create("RCON102", "Names appear more than once", "{0}; the last occurrence is used", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidJson = Create("RCON103", "Schema file is not valid JSON", "The schema file is not valid JSON: {0}", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidEntry = Create("RCON104", "Schema entry cannot be used as written", "Schema entry cannot be used as written: {0}", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor MissingFile = Create("RCON105", "Schema file not found", "Schema file not found: {0}", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidClass = Create("RCON106", "Class cannot carry a generated RCON API", "This class cannot carry a generated RCON API: {0}", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EmptySchema = Create("RCON107", "Schema file gives no entries", "{0} gives no cvars or commands: is it a cvarlist dump or an .rcon.json schema?", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidAnswerPattern = Create("RCON108", "Answer pattern is not a valid regular expression", "{0}; the command answers text", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidAnswerType = Create("RCON109", "Answer declaration cannot be used as written", "{0}; the command answers text", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypedEquivalent = new DiagnosticDescriptor(
        "RCON001",
        "Raw command has a typed equivalent",
        "'{0}' has a typed equivalent: {1}",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A raw command string names a cvar or command that the generated server type exposes as a typed member; the typed call checks types and quotes arguments.",
        helpLinkUri: HelpLink("RCON001"));

    public static readonly DiagnosticDescriptor ImpossibleValue = new DiagnosticDescriptor(
        "RCON002",
        "Value cannot be what the cvar holds",
        "{0}",
        UsageCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A constant value does not parse as the cvar's type or lies outside its bounds: the server would refuse or clamp it.",
        helpLinkUri: HelpLink("RCON002"));

    public static readonly DiagnosticDescriptor UnknownCommand = new DiagnosticDescriptor(
        "RCON003",
        "Command is not in the schema",
        "'{0}' is not a cvar or command of {1}, whose schema lists every one",
        UsageCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false,
        description: "A raw command names nothing in a schema that says it is complete: probably a typo, or a command of another game.",
        helpLinkUri: HelpLink("RCON003"));

    /// <summary>The descriptor of a kind the schema code reports.</summary>
    public static DiagnosticDescriptor For(SchemaDiagnosticKind kind) => kind switch
    {
        SchemaDiagnosticKind.UnreadableLine => UnreadableLine,
        SchemaDiagnosticKind.DuplicateNames => DuplicateNames,
        SchemaDiagnosticKind.InvalidJson => InvalidJson,
        SchemaDiagnosticKind.InvalidEntry => InvalidEntry,
        SchemaDiagnosticKind.MissingFile => MissingFile,
        SchemaDiagnosticKind.InvalidClass => InvalidClass,
        SchemaDiagnosticKind.EmptySchema => EmptySchema,
        SchemaDiagnosticKind.InvalidAnswerPattern => InvalidAnswerPattern,
        SchemaDiagnosticKind.InvalidAnswerType => InvalidAnswerType,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "No generator diagnostic has this kind."),
    };

    // Target-typed new is avoided: the analyzer that checks descriptors does not follow it (roslyn-analyzers#5828).
    // The ids are literals for the release-tracking analyzer; a test checks each matches its kind's number.
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity) =>
        new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLink(id));

    private static string HelpLink(string id) => $"https://github.com/rcontyped/rcontyped/blob/main/docs/diagnostics/{id}.md";
}
