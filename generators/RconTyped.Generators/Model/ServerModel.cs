using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>Everything the emitter writes for one [RconSchema] class.</summary>
internal sealed record ServerModel(
    string? Namespace,
    string ClassName,
    string Accessibility,
    bool GenerateConstructor,
    EquatableArray<string> SourceFiles,
    bool Complete,
    EquatableArray<MemberModel> Members)
{
    public string HintName => (Namespace is null ? ClassName : Namespace + "." + ClassName) + ".Rcon.g.cs";
}
