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
/// ND604: declares <c>ClipNorm = 1f</c> on the network's <c>[Network]</c> attribute (replacing a
/// written <c>ClipNorm = 0f</c>), the usual global-norm bound for recurrent networks. The diagnostic is
/// on a recurrent layer; layers sit beside <c>[Network]</c> on one declaration (ND005), so the
/// attribute is found on the layer's class.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(GradientClippingFix)), Shared]
public sealed class GradientClippingFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("ND604");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Network(root, diagnostic) is null) continue;
            context.RegisterCodeFix(CodeAction.Create("Declare ClipNorm = 1f",
                cancellationToken => Apply(context.Document, diagnostic, cancellationToken), nameof(GradientClippingFix)), diagnostic);
        }
    }

    private static AttributeSyntax? Network(SyntaxNode root, Diagnostic diagnostic) =>
        AttributeEditing.Attribute(root, diagnostic.Location.SourceSpan)?.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.AttributeLists
            .SelectMany(list => list.Attributes)
            .FirstOrDefault(attribute => AttributeEditing.Is(attribute, "Network"));

    private static async Task<Document> Apply(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        if (Network(root, diagnostic) is not { } network) return document;
        return document.WithSyntaxRoot(root.ReplaceNode(network, AttributeEditing.WithNamed(network, "ClipNorm", AttributeEditing.FloatLiteral("1f"))));
    }
}
