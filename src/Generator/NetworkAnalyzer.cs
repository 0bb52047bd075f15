using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NeuralDsl.Generator.Analysis;
using NeuralDsl.Generator.Baking;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Parsing;

namespace NeuralDsl.Generator;

/// <summary>
/// Reports what is wrong with a network declaration, at the offending attribute or argument. Runs the
/// same parser as <see cref="NetworkGenerator"/>, so a parser error here always means nothing was
/// generated; then, whenever the layers and sizes are defined (errors included), the design rules
/// (<see cref="DesignAnalysis"/>), whose findings never change what is generated. Thresholds come from <c>.editorconfig</c> (<see cref="RuleSettings"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create<DiagnosticDescriptor>(
        DiagnosticDescriptors.NetworkMustBePartial,
        DiagnosticDescriptors.NetworkMustNotBeGeneric,
        DiagnosticDescriptors.NetworkMustBeTopLevel,
        DiagnosticDescriptors.NetworkHasNoLayers,
        DiagnosticDescriptors.LayersSplitAcrossDeclarations,
        DiagnosticDescriptors.InvalidInputs,
        DiagnosticDescriptors.UndefinedEnumValue,
        DiagnosticDescriptors.SoftmaxNotOnOutputLayer,
        DiagnosticDescriptors.StepWithGradientTraining,
        DiagnosticDescriptors.InvalidHuberDelta,
        DiagnosticDescriptors.InvalidAlpha,
        DiagnosticDescriptors.AlphaHasNoEffect,
        DiagnosticDescriptors.InvalidInitializerArgument,
        DiagnosticDescriptors.LayerWithoutNetwork,
        DiagnosticDescriptors.UnsupportedLayer,
        DiagnosticDescriptors.NetworkMustBeClass,
        DiagnosticDescriptors.SoftmaxOnSingleUnit,
        DiagnosticDescriptors.CategoricalCrossEntropyOnSingleUnit,
        DiagnosticDescriptors.BinaryCrossEntropyWithoutSigmoid,
        DiagnosticDescriptors.CategoricalCrossEntropyWithoutSoftmax,
        DiagnosticDescriptors.NonPositiveLearningRate,
        DiagnosticDescriptors.NonPositiveUnits,
        DiagnosticDescriptors.InvalidBatchNormalization,
        DiagnosticDescriptors.InvalidPenalty,
        DiagnosticDescriptors.DropoutRateOutOfRange,
        DiagnosticDescriptors.InvalidMomentum,
        DiagnosticDescriptors.AdamBetaOutOfRange,
        DiagnosticDescriptors.InvalidEpsilon,
        DiagnosticDescriptors.NetworkTooLarge,
        DiagnosticDescriptors.WeightsFileNotFound,
        DiagnosticDescriptors.InvalidWeightsJson,
        DiagnosticDescriptors.UnknownWeightsFormat,
        DiagnosticDescriptors.WeightsMismatch,
        DiagnosticDescriptors.NonFiniteWeight,
        DiagnosticDescriptors.WeightsWithLoss,
        DiagnosticDescriptors.AmbiguousWeightsFile,
        DiagnosticDescriptors.MalformedWeightsFile,
        DiagnosticDescriptors.MemberClashesWithGenerated,
        DiagnosticDescriptors.ConstructorClashesWithGenerated,
        DiagnosticDescriptors.NetworkNamedLikeGeneratedMember,
        DiagnosticDescriptors.FileLocalNetwork,
        DiagnosticDescriptors.NetworkDerivesFromNetwork,
        DiagnosticDescriptors.InvalidInputShape,
        DiagnosticDescriptors.InvalidWindowArgument,
        DiagnosticDescriptors.LayerInputShapeMismatch,
        DiagnosticDescriptors.WindowLargerThanInput).AddRange(DesignAnalysis.Descriptors);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Declarations in files marked as generated (code-writing tools mark theirs) are checked too;
        // the generator's own output carries no [Network], so it is never reported.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // No NeuralDsl reference, no work.
            INamedTypeSymbol? layerAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.LayerAttribute);
            if (layerAttribute is null) return;
            start.RegisterSymbolAction(context => AnalyzeType(context, layerAttribute), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol layerAttribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AttributeData? network = NetworkParser.FindNetworkAttribute(type);
        if (network is null)
        {
            AttributeData? layer = type.GetAttributes().FirstOrDefault(a => DerivesFrom(a.AttributeClass, layerAttribute));
            if (layer?.ApplicationSyntaxReference is { } reference)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LayerWithoutNetwork,
                    reference.GetSyntax(context.CancellationToken).GetLocation(), type.Name));
            return;
        }

        ParseResult result = NetworkParser.Parse(type, network, context.CancellationToken);
        foreach (Diagnostic diagnostic in result.Diagnostics)
            context.ReportDiagnostic(diagnostic);
        if (result.Model?.Weights is not null)
            WeightsAnalysis.Report(result.Model, type, network, context.Options.AdditionalFiles, context.ReportDiagnostic, context.CancellationToken);
        if (result.DesignModel is null || network.ApplicationSyntaxReference is not { } syntax) return;

        RuleSettings settings = RuleSettings.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree));
        var locator = new DeclarationLocator(type, network, context.CancellationToken);
        DesignAnalysis.Report(result.DesignModel, result.Diagnostics, settings, locator, context.ReportDiagnostic);
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType)) return true;
        }
        return false;
    }
}
