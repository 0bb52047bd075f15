using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralDsl.CodeFixes;

/// <summary>ND101: a softmax over one unit becomes a sigmoid, the binary output it was meant to be.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(SigmoidForSingleUnitFix)), Shared]
public sealed class SigmoidForSingleUnitFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND101");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(CodeAction.Create("Use Activation.Sigmoid",
                cancellationToken => Apply(context.Document, diagnostic, cancellationToken), nameof(SigmoidForSingleUnitFix)), diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (AttributeEditing.Argument(root, diagnostic.Location.SourceSpan) is not { } argument) return document;
        ExpressionSyntax value = AttributeEditing.EnumValue("Activation", "Sigmoid").WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, argument.WithExpression(value)));
    }
}
