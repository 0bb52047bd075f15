using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralDsl.CodeFixes;

/// <summary>ND301: replaces a constant or zero weight initialiser with the one matched to the layer's activation (named by the diagnostic).</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(MatchedInitializerFix)), Shared]
public sealed class MatchedInitializerFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND301");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue("Init", out string? init) || init is null) continue;
            context.RegisterCodeFix(CodeAction.Create($"Use Init.{init}",
                cancellationToken => Apply(context.Document, diagnostic, init, cancellationToken), nameof(MatchedInitializerFix)), diagnostic);
        }
        return Task.CompletedTask;
    }

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, string init, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (AttributeEditing.Attribute(root, diagnostic.Location.SourceSpan) is not { } attribute) return document;
        // A constant's value means nothing to the new initialiser.
        AttributeSyntax updated = AttributeEditing.WithNamed(AttributeEditing.WithoutNamed(attribute, "WeightValue"),
            "WeightInit", AttributeEditing.EnumValue("Init", init));
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, updated));
    }
}
