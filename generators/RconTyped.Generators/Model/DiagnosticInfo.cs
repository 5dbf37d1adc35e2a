using Microsoft.CodeAnalysis;
using RconTyped.Schema;

namespace RconTyped.Generators.Model;

/// <summary>
/// A diagnostic as values, so it can travel through the pipeline: its kind (which picks the descriptor), the
/// particulars its descriptor's message format frames, and where.
/// </summary>
internal sealed record DiagnosticInfo(SchemaDiagnosticKind Kind, string Detail, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.For(Kind), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Detail);
}
