using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

/// <summary>
/// What the parser makes of a declaration: a model when it is valid, and the diagnostics that explain
/// it. The generator keeps only the model; the analyzer reports the diagnostics.
/// </summary>
internal sealed class ParseResult
{
    public ParseResult(NetworkModel? model, NetworkModel? designModel, ImmutableArray<Diagnostic> diagnostics)
    {
        Model = model;
        DesignModel = designModel;
        Diagnostics = diagnostics;
    }

    /// <summary>The model to generate: null when the parser reports any error.</summary>
    public NetworkModel? Model { get; }

    /// <summary>
    /// The model the design rules may judge: also present when the errors leave every layer and size
    /// defined (a one-unit softmax, an invalid learning rate, a clashing member), so that independent
    /// mistakes are reported together; null when a layer or size is missing or unreadable.
    /// </summary>
    public NetworkModel? DesignModel { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
