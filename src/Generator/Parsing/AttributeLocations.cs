using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralDsl.Generator.Parsing;

/// <summary>
/// Where the parts of a network declaration are in source: shared by the parser and the design rules,
/// so that both point at the same attribute or argument.
/// </summary>
internal static class AttributeLocations
{
    /// <summary>The whole attribute, or the type's name when the attribute has no syntax.</summary>
    public static Location Attribute(AttributeData attribute, ISymbol owner, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? owner.Locations.FirstOrDefault() ?? Location.None;

    /// <summary>
    /// One argument of an attribute: a named property (<c>Alpha = 1</c>), or a constructor parameter
    /// written by position or as <c>name:</c>. Falls back to the whole attribute when it is not written.
    /// </summary>
    public static Location Argument(AttributeData attribute, string name, int position, ISymbol owner, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            return Attribute(attribute, owner, cancellationToken);
        if (syntax.ArgumentList is { } list)
        {
            int positional = 0;
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals is { } nameEquals)
                {
                    if (nameEquals.Name.Identifier.ValueText == name) return argument.GetLocation();
                }
                else if (argument.NameColon is { } nameColon)
                {
                    if (nameColon.Name.Identifier.ValueText == name) return argument.GetLocation();
                }
                else if (positional++ == position)
                {
                    return argument.GetLocation();
                }
            }
        }
        return syntax.GetLocation();
    }

    /// <summary>
    /// The layer attributes of <paramref name="type"/> in source order, split into those on the partial
    /// declaration that carries <paramref name="network"/> (the layers, indexed as in the model) and
    /// those elsewhere (whose order is undefined).
    /// </summary>
    public static (List<AttributeData> Layers, List<AttributeData> Elsewhere) LayerAttributes(
        INamedTypeSymbol type, AttributeData network, CancellationToken cancellationToken)
    {
        SyntaxNode? networkDeclaration = network.ApplicationSyntaxReference?.GetSyntax(cancellationToken)
            .FirstAncestorOrSelf<TypeDeclarationSyntax>();
        var layers = new List<(AttributeData Attribute, int Position)>();
        var elsewhere = new List<AttributeData>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (!InheritsFrom(attribute.AttributeClass, KnownNames.LayerAttribute)) continue;
            SyntaxNode? syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
            if (syntax is null || syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() != networkDeclaration)
                elsewhere.Add(attribute);
            else
                layers.Add((attribute, syntax.SpanStart));
        }
        return (layers.OrderBy(l => l.Position).Select(l => l.Attribute).ToList(), elsewhere);
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, string metadataName)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == metadataName) return true;
        }
        return false;
    }
}
