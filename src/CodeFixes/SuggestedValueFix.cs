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
/// Sets an out-of-range value to the suggested default: a dropout rate (ND401, ND402) to 0.5, a
/// learning rate (ND501, ND502) to the declared optimiser's usual one (0.001 for Adam, AdamW and
/// RMSprop, 0.01 otherwise). ND502 on <c>Momentum</c> (a too high effective rate) is left alone: which
/// of the two to lower is the user's choice.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(SuggestedValueFix)), Shared]
public sealed class SuggestedValueFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND401", "ND402", "ND501", "ND502");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (AttributeEditing.Argument(root, diagnostic.Location.SourceSpan) is not { } argument) continue;
            string? value = diagnostic.Id is "ND401" or "ND402" ? "0.5f" : IsLearningRate(argument) ? LearningRateFor(argument) : null;
            if (value is null) continue;
            string title = diagnostic.Id is "ND401" or "ND402" ? $"Use the dropout rate {value}" : $"Use the learning rate {value}";
            context.RegisterCodeFix(CodeAction.Create(title,
                cancellationToken => Apply(context.Document, diagnostic, value, cancellationToken), nameof(SuggestedValueFix) + diagnostic.Id), diagnostic);
        }
    }

    private static bool IsLearningRate(AttributeArgumentSyntax argument) => argument.NameEquals?.Name.Identifier.ValueText == "LearningRate";

    private static string LearningRateFor(AttributeArgumentSyntax learningRate)
    {
        string? optimizer = learningRate.Parent?.Parent is AttributeSyntax network
            ? AttributeEditing.EnumMember(AttributeEditing.Named(network, "Optimizer"))
            : null;
        return optimizer is "Adam" or "AdamW" or "RMSprop" ? "0.001f" : "0.01f";
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, string value, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (AttributeEditing.Argument(root, diagnostic.Location.SourceSpan) is not { } argument) return document;
        ExpressionSyntax literal = AttributeEditing.FloatLiteral(value).WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, argument.WithExpression(literal)));
    }
}
