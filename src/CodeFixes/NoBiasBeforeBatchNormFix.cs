using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralDsl.CodeFixes;

/// <summary>
/// ND405: the biases a batch normalisation cancels are switched off with <c>UseBias = false</c>, on a
/// Dense or a convolution alike (the diagnostic sits on the written <c>UseBias</c> or on the layer).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoBiasBeforeBatchNormFix)), Shared]
public sealed class NoBiasBeforeBatchNormFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND405");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (AttributeEditing.Attribute(root, diagnostic.Location.SourceSpan) is null) continue;
            context.RegisterCodeFix(CodeAction.Create("Set UseBias = false",
                cancellationToken => Apply(context.Document, diagnostic, cancellationToken), nameof(NoBiasBeforeBatchNormFix)), diagnostic);
        }
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (AttributeEditing.Attribute(root, diagnostic.Location.SourceSpan) is not { } layer) return document;
        ExpressionSyntax no = SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression);
        return document.WithSyntaxRoot(root.ReplaceNode(layer, AttributeEditing.WithNamed(layer, "UseBias", no)));
    }
}
