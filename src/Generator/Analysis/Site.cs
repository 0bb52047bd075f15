using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NeuralDsl.Generator.Analysis;

/// <summary>
/// A place in a network declaration: the <c>[Network]</c> attribute (<see cref="Layer"/> is -1) or one
/// layer attribute, optionally one of its arguments by name (constructor parameters included, such as
/// <c>activation</c> or <c>rate</c>). An argument that is not written falls back to its attribute.
/// </summary>
internal readonly record struct Site(int Layer, string? Argument)
{
    public static Site Network(string? argument = null) => new(-1, argument);

    public static Site OfLayer(int layer, string? argument = null) => new(layer, argument);

    /// <summary>A layer's activation: the <c>activation</c> argument of a Dense or Activation layer.</summary>
    public static Site Activation(int layer) => new(layer, "activation");
}

/// <summary>What a design rule found: its descriptor, where, the message arguments, and other places that share the cause.</summary>
internal sealed class Finding
{
    public Finding(DiagnosticDescriptor descriptor, Site site, object?[] arguments, IReadOnlyList<Site>? alsoAt = null)
    {
        Descriptor = descriptor;
        Site = site;
        Arguments = arguments;
        AlsoAt = alsoAt ?? [];
    }

    public DiagnosticDescriptor Descriptor { get; }

    public Site Site { get; }

    public object?[] Arguments { get; }

    public IReadOnlyList<Site> AlsoAt { get; }

    /// <summary>What a code fix needs that the location does not say (such as the initialiser to use).</summary>
    public ImmutableDictionary<string, string?> Properties { get; init; } = ImmutableDictionary<string, string?>.Empty;
}
