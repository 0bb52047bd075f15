using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralDsl.CodeFixes;

/// <summary>
/// ND102 and ND103: makes the loss match the output activation: categorical cross-entropy for a
/// softmax output, binary cross-entropy for sigmoid outputs.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(LossMatchingOutputFix)), Shared]
public sealed class LossMatchingOutputFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND102", "ND103");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            string loss = diagnostic.Id == "ND102" ? "CategoricalCrossEntropy" : "BinaryCrossEntropy";
            context.RegisterCodeFix(CodeAction.Create($"Use Loss.{loss}",
                cancellationToken => Apply(context.Document, diagnostic, loss, cancellationToken), nameof(LossMatchingOutputFix) + loss), diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, string loss, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (AttributeEditing.Argument(root, diagnostic.Location.SourceSpan) is not { } argument) return document;
        ExpressionSyntax value = AttributeEditing.EnumValue("Loss", loss).WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, argument.WithExpression(value)));
    }
}
