using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>The model (null when nothing can be generated) and the diagnostics, which travel separately.</summary>
internal sealed record ServerBuildResult(ServerModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
