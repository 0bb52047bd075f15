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

    /// <summary>Position of a constructor parameter written without its name.</summary>
    private static int Position(AttributeData attribute, string argument)
    {
        string? kind = attribute.AttributeClass?.ToDisplayString();
        return argument switch
        {
            "units" or "rate" => 0,
            "activation" => kind == KnownNames.ActivationAttribute ? 0 : 1,
            _ => -1,
        };
    }
}
