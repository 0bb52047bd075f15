using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Baking;
using NeuralDsl.Generator.Emitting;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;
using NeuralDsl.Generator.Parsing;

namespace NeuralDsl.Generator;

/// <summary>
/// Generates a network's code from its <c>[Network]</c> declaration. Emits nothing for an invalid
/// declaration; <see cref="NetworkAnalyzer"/> reports why, from the same parser.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<NetworkModel> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.NetworkAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (context, cancellationToken) => Transform(context, cancellationToken))
            .WithTrackingName(TrackingNames.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.ValidModel);

        // Every network's full name, to keep hint names unique ignoring case; compared by value, so that
        // editing one network's layers does not regenerate the others.
        IncrementalValueProvider<EquatableArray<string>> names = models
            .Select(static (model, _) => model.FullName)
            .Collect()
            .Select(static (names, _) => new EquatableArray<string>(names));

        context.RegisterSourceOutput(models.Where(static model => model.Weights is null).Combine(names), static (context, pair) =>
            context.AddSource(HintNames.For(pair.Left.FullName, pair.Right), NetworkEmitter.Emit(pair.Left)));

        RegisterBaking(context, models.Where(static model => model.Weights is not null), names);
    }

    /// <summary>
    /// Networks with <c>Weights = "..."</c>: only the AdditionalFiles some declaration names are read,
    /// each once per change of its text (the parsed <see cref="WeightsFile"/> is the cache boundary),
    /// then bound to each declaration. A file that does not fit emits nothing; the analyzer says why.
    /// </summary>
    private static void RegisterBaking(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<NetworkModel> baked,
        IncrementalValueProvider<EquatableArray<string>> names)
    {
        IncrementalValueProvider<ImmutableArray<string>> declared = baked.Select(static (model, _) => model.Weights!).Collect();
        IncrementalValuesProvider<WeightsFile> files = context.AdditionalTextsProvider
            .Combine(declared)
            .Where(static pair => WeightsPath.MatchesAny(pair.Left.Path, pair.Right))
            .Select(static (pair, _) => pair.Left)
            .Select(static (text, cancellationToken) => WeightsFileReader.Read(text.Path, text.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.WeightsFile);

        IncrementalValuesProvider<BakedNetwork> networks = baked
            .Combine(files.Collect())
            .Select(static (pair, cancellationToken) => WeightsResolver.Resolve(
                pair.Left, pair.Right.Where(file => WeightsPath.Matches(file.Path, pair.Left.Weights!)).ToList(), out _))
            .WithTrackingName(TrackingNames.BakedNetwork)
            .Where(static network => network is not null)
            .Select(static (network, _) => network!);

        context.RegisterSourceOutput(networks.Combine(names), static (context, pair) =>
            context.AddSource(HintNames.For(pair.Left.Model.FullName, pair.Right), NetworkEmitter.EmitBaked(pair.Left)));
    }

    private static NetworkModel? Transform(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type) return null;
        // The attributes are matched per file, not per declaration: with [Network] on two partial
        // declarations in one file, each target sees both. Parse only from the type's own first
        // [Network], and only for the declaration that carries it, so one model is made per type.
        AttributeData? network = NetworkParser.FindNetworkAttribute(type);
        if (network?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).Parent?.Parent != context.TargetNode) return null;
        return NetworkParser.Parse(type, network, cancellationToken).Model;
    }
}
