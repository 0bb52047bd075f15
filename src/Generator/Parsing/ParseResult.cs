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
    public ParseResult(NetworkModel? model, ImmutableArray<Diagnostic> diagnostics)
    {
        Model = model;
        Diagnostics = diagnostics;
    }

    public NetworkModel? Model { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
