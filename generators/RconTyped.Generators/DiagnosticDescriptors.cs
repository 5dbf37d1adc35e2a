using Microsoft.CodeAnalysis;

namespace RconTyped.Generators;

/// <summary>The generator's diagnostics. Each id has docs/diagnostics/RCONnnn.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RconTyped.Schema";
    private const string UsageCategory = "Usage";

    public static readonly DiagnosticDescriptor UnreadableLine = Create("RCON101", "Line is not a cvarlist row", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor DuplicateNames = Create("RCON102", "Names appear more than once", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidJson = Create("RCON103", "Schema file is not valid JSON", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidEntry = Create("RCON104", "Schema entry cannot be used as written", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor MissingFile = Create("RCON105", "Schema file not found", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidClass = Create("RCON106", "Class cannot carry a generated RCON API", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EmptySchema = Create("RCON107", "Schema file gives no entries", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidAnswerPattern = Create("RCON108", "Answer pattern is not a valid regular expression", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidAnswerType = Create("RCON109", "Answer declaration cannot be used as written", DiagnosticSeverity.Warning);

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

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "RCON101" => UnreadableLine,
        "RCON102" => DuplicateNames,
        "RCON103" => InvalidJson,
        "RCON104" => InvalidEntry,
        "RCON105" => MissingFile,
        "RCON106" => InvalidClass,
        "RCON107" => EmptySchema,
        "RCON108" => InvalidAnswerPattern,
        "RCON109" => InvalidAnswerType,
        _ => throw new System.ArgumentOutOfRangeException(nameof(id), id, "No generator diagnostic has this id."),
    };

    // Target-typed new is avoided: the analyzer that checks descriptors does not follow it (roslyn-analyzers#5828).
    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity) =>
        new DiagnosticDescriptor(
            id,
            title,
            "{0}",
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLink(id));

    private static string HelpLink(string id) => $"https://github.com/rcontyped/rcontyped/blob/main/docs/diagnostics/{id}.md";
}
