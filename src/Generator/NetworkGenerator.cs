using System.Threading;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Emitting;
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

        // Hint names may not contain '@', which escapes keywords in names.
        context.RegisterSourceOutput(models, static (context, model) =>
            context.AddSource(model.FullName.Replace("@", "") + ".g.cs", NetworkEmitter.Emit(model)));
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
