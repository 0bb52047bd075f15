using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralDsl.CodeFixes;

/// <summary>ND403: a dropout after the output layer moves to just before it, where it drops features instead of predictions.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DropoutBeforeOutputFix)), Shared]
public sealed class DropoutBeforeOutputFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND403");

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Plan(root, diagnostic) is null) continue;
            context.RegisterCodeFix(CodeAction.Create("Move the dropout before the output layer",
                cancellationToken => Apply(context.Document, diagnostic, cancellationToken), nameof(DropoutBeforeOutputFix)), diagnostic);
        }
    }

    /// <summary>The dropout attribute and the output layer's attribute (the last Dense before it), when both are found.</summary>
    private static (AttributeSyntax Dropout, AttributeSyntax Output)? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (AttributeEditing.Attribute(root, diagnostic.Location.SourceSpan) is not { } dropout ||
            dropout.Parent?.Parent is not ClassDeclarationSyntax type) return null;
        AttributeSyntax[] attributes = type.AttributeLists.SelectMany(list => list.Attributes).ToArray();
        AttributeSyntax? output = attributes.Take(System.Array.IndexOf(attributes, dropout)).LastOrDefault(a => AttributeEditing.Is(a, "Dense"));
        return output is null ? null : (dropout, output);
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (Plan(root, diagnostic) is not var (dropout, output)) return document;
        var outputList = (AttributeListSyntax)output.Parent!;
        var dropoutList = (AttributeListSyntax)dropout.Parent!;
        var type = (ClassDeclarationSyntax)outputList.Parent!;

        // The dropout goes into a list of its own on the line before the output layer's list.
        AttributeListSyntax moved = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(dropout.WithoutTrivia()))
            .WithLeadingTrivia(outputList.GetLeadingTrivia())
            .WithTrailingTrivia(outputList.GetTrailingTrivia());
        var lists = type.AttributeLists.ToList();
        // The output's list comes first or is the dropout's own, so removing the dropout never moves it.
        int outputAt = lists.IndexOf(outputList);
        int dropoutAt = lists.IndexOf(dropoutList);
        if (dropoutList.Attributes.Count == 1)
        {
            // Keep the layout: what followed the removed list takes its leading trivia.
            if (dropoutAt + 1 < lists.Count) lists[dropoutAt + 1] = lists[dropoutAt + 1].WithLeadingTrivia(dropoutList.GetLeadingTrivia());
            lists.RemoveAt(dropoutAt);
        }
        else
        {
            lists[dropoutAt] = dropoutList.WithAttributes(dropoutList.Attributes.Remove(dropout));
        }
        lists.Insert(outputAt, moved);
        ClassDeclarationSyntax fixedType = type.WithAttributeLists(SyntaxFactory.List(lists));
        return document.WithSyntaxRoot(root.ReplaceNode(type, fixedType));
    }
}
