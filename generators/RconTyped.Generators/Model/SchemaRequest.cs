using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>A class marked [RconSchema], reduced to what generation needs.</summary>
internal sealed record SchemaRequest(
    string? Namespace,
    string ClassName,
    string Accessibility,
    bool DeclaresClientConstructor,
    EquatableArray<string> Files,
    EquatableArray<string> ReservedNames,
    string? Problem,
    LocationInfo? Location);
