using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PrepGen.Generator.Model;

/// <summary>An equatable stand-in for <see cref="Location"/>: models never hold syntax or symbols.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(Location location) =>
        location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
