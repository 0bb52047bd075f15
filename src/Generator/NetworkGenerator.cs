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

        context.RegisterSourceOutput(models, static (context, model) =>
            context.AddSource(model.FullName + ".g.cs", NetworkEmitter.Emit(model)));
    }

    private static NetworkModel? Transform(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length == 0) return null;
        return NetworkParser.Parse(type, context.Attributes[0], cancellationToken).Model;
    }
}
