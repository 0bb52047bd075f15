using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Parsing;

namespace NeuralDsl.Generator.Analysis;

/// <summary>
/// Maps a <see cref="Site"/> to its source location in one declaration, with the layer attributes in
/// the order the parser numbered them.
/// </summary>
internal sealed class DeclarationLocator
{
    private readonly INamedTypeSymbol _type;
    private readonly AttributeData _network;
    private readonly List<AttributeData> _layers;
    private readonly CancellationToken _cancellationToken;

    public DeclarationLocator(INamedTypeSymbol type, AttributeData network, CancellationToken cancellationToken)
    {
        _type = type;
        _network = network;
        _cancellationToken = cancellationToken;
        _layers = AttributeLocations.LayerAttributes(type, network, cancellationToken).Layers;
    }

    public Location Locate(Site site)
    {
        AttributeData attribute = site.Layer >= 0 && site.Layer < _layers.Count ? _layers[site.Layer] : _network;
        if (site.Argument is null) return AttributeLocations.Attribute(attribute, _type, _cancellationToken);
        return AttributeLocations.Argument(attribute, site.Argument, Position(attribute, site.Argument), _type, _cancellationToken);
    }

    /// <summary>
    /// Position of a constructor parameter written without its name (<c>units</c>, <c>rate</c>,
    /// <c>activation</c>, <c>kernelSize</c>, ...), read from the attribute's constructor so that every
    /// layer kind places its arguments where it declares them; -1 for a named property.
    /// </summary>
    private static int Position(AttributeData attribute, string argument)
    {
        if (attribute.AttributeConstructor is not { } constructor) return -1;
        for (int i = 0; i < constructor.Parameters.Length; i++)
        {
            if (constructor.Parameters[i].Name == argument) return i;
        }
        return -1;
    }
}
