using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralDsl.CodeFixes;

/// <summary>
/// ND202: turns every layer of a saturating stack (the diagnostic's location and additional locations,
/// each a sigmoid or tanh activation argument) into ReLU, and gives the Dense or convolution layer that
/// owns it He initialisation, the repair AUTOTRAINER applies first.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(ReluWithHeInitFix)), Shared]
public sealed class ReluWithHeInitFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND202");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(CodeAction.Create("Use ReLU with He initialisation",
                cancellationToken => Apply(context.Document, diagnostic, cancellationToken), nameof(ReluWithHeInitFix)), diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var activations = new List<AttributeArgumentSyntax>();
        var owners = new HashSet<AttributeSyntax>();
        foreach (Location location in diagnostic.AdditionalLocations.Prepend(diagnostic.Location))
        {
            if (AttributeEditing.Argument(root, location.SourceSpan) is not { } argument || argument.Parent?.Parent is not AttributeSyntax layer) continue;
            activations.Add(argument);
            if (OwningLayer(layer) is { } owner) owners.Add(owner);
        }

        ExpressionSyntax relu = AttributeEditing.EnumValue("Activation", "ReLU");
        SyntaxNode updated = root.ReplaceNodes(activations.Cast<SyntaxNode>().Concat(owners), (original, rewritten) => rewritten switch
        {
            AttributeSyntax owner => AttributeEditing.WithNamed(owner, "WeightInit", AttributeEditing.EnumValue("Init", "HeUniform")),
            AttributeArgumentSyntax argument => argument.WithExpression(relu.WithTriviaFrom(argument.Expression)),
            _ => rewritten,
        });
        return document.WithSyntaxRoot(updated);
    }

    /// <summary>The trainable layer whose activation <paramref name="layer"/> is: itself, or the nearest one before an Activation layer.</summary>
    private static AttributeSyntax? OwningLayer(AttributeSyntax layer)
    {
        if (IsTrainable(layer)) return layer;
        if (layer.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type) return null;
        List<AttributeSyntax> attributes = type.AttributeLists.SelectMany(list => list.Attributes).ToList();
        for (int i = attributes.IndexOf(layer) - 1; i >= 0; i--)
        {
            if (IsTrainable(attributes[i])) return attributes[i];
        }
        return null;
    }

    private static bool IsTrainable(AttributeSyntax layer) =>
        AttributeEditing.Is(layer, "Dense") || AttributeEditing.Is(layer, "Conv2D") || AttributeEditing.Is(layer, "Conv1D");
}
