using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RconTyped.Generators.Model;

/// <summary>A location as values (Location itself does not compare by value across compilations).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
