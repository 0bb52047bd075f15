using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;
using NeuralDsl.Generator.Parsing;

namespace NeuralDsl.Generator.Baking;

/// <summary>
/// The analyzer's side of baking: resolves a declaration's <c>Weights</c> against the compilation's
/// AdditionalFiles exactly as the generator does, and reports the problem at the <c>Weights</c> argument.
/// </summary>
internal static class WeightsAnalysis
{
    // Each file is read once per text the host hands over (the IDE re-analyses on every edit of the
    // declaration's file; a 100k-parameter file takes tens of milliseconds to read).
    private static readonly ConditionalWeakTable<AdditionalText, WeightsFile> Files = new();

    public static void Report(
        NetworkModel model, INamedTypeSymbol type, AttributeData network, ImmutableArray<AdditionalText> additionalFiles,
        Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        string declared = model.Weights!;
        var matching = new List<WeightsFile>();
        foreach (AdditionalText text in additionalFiles)
        {
            if (WeightsPath.Matches(text.Path, declared))
                matching.Add(Files.GetValue(text, t => WeightsFileReader.Read(t.Path, t.GetText(cancellationToken)?.ToString())));
        }
        WeightsResolver.Resolve(model, matching, out WeightsProblem? problem);
        if (problem is null) return;
        Location location = AttributeLocations.Argument(network, "Weights", -1, type, cancellationToken);
        report(problem.Kind switch
        {
            WeightsProblemKind.Missing => Diagnostic.Create(DiagnosticDescriptors.WeightsFileNotFound, location, declared),
            WeightsProblemKind.Ambiguous => Diagnostic.Create(DiagnosticDescriptors.AmbiguousWeightsFile, location, declared, matching.Count, problem.Message),
            _ => Diagnostic.Create(Descriptor(problem.Kind), location, declared, problem.Message, problem.Where),
        });
    }

    private static DiagnosticDescriptor Descriptor(WeightsProblemKind kind) => kind switch
    {
        WeightsProblemKind.InvalidJson => DiagnosticDescriptors.InvalidWeightsJson,
        WeightsProblemKind.UnknownFormat => DiagnosticDescriptors.UnknownWeightsFormat,
        WeightsProblemKind.NonFinite => DiagnosticDescriptors.NonFiniteWeight,
        WeightsProblemKind.Malformed => DiagnosticDescriptors.MalformedWeightsFile,
        _ => DiagnosticDescriptors.WeightsMismatch,
    };
}
