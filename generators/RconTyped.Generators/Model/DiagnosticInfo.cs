using Microsoft.CodeAnalysis;

namespace RconTyped.Generators.Model;

/// <summary>A diagnostic as values: descriptor id, message and where, so it can travel through the pipeline.</summary>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Message);
}
