using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace NeuralDsl.CodeFixes;

/// <summary>
/// Edits of network declarations: attribute arguments found from a diagnostic's span, values written
/// fully qualified and simplified on application (so <c>Init.HeUniform</c> where <c>using NeuralDsl;</c>
/// is in scope, and a working name where it is not).
/// </summary>
internal static class AttributeEditing
{
    /// <summary>The argument a diagnostic points at, or null when it points at a whole attribute.</summary>
    public static AttributeArgumentSyntax? Argument(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeArgumentSyntax>();

    /// <summary>The attribute a diagnostic points into.</summary>
    public static AttributeSyntax? Attribute(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

    /// <summary><c>global::NeuralDsl.{type}.{member}</c>, to be simplified when the fix is applied.</summary>
    public static ExpressionSyntax EnumValue(string type, string member) =>
        SyntaxFactory.ParseExpression($"global::NeuralDsl.{type}.{member}").WithAdditionalAnnotations(Simplifier.Annotation);

    public static ExpressionSyntax FloatLiteral(string text) => SyntaxFactory.ParseExpression(text);

    /// <summary>The argument named <paramref name="name"/> (<c>Name = value</c> or <c>name: value</c>), if written.</summary>
    public static AttributeArgumentSyntax? Named(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a =>
            a.NameEquals?.Name.Identifier.ValueText == name || a.NameColon?.Name.Identifier.ValueText == name);

    /// <summary>The member name an enum-valued argument ends with (<c>Adam</c> in <c>Optimizer.Adam</c>), if it is written that way.</summary>
    public static string? EnumMember(AttributeArgumentSyntax? argument) => argument?.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary><paramref name="attribute"/> with the named property <paramref name="name"/> set to <paramref name="value"/>, replaced or appended.</summary>
    public static AttributeSyntax WithNamed(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        if (Named(attribute, name) is { } existing)
            return attribute.ReplaceNode(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)));
        AttributeArgumentSyntax added = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            nameColon: null, value);
        AttributeArgumentListSyntax list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        return attribute.WithArgumentList(list.WithArguments(list.Arguments.Add(added)));
    }

    /// <summary><paramref name="attribute"/> without its argument named <paramref name="name"/>, if it has one.</summary>
    public static AttributeSyntax WithoutNamed(AttributeSyntax attribute, string name) =>
        Named(attribute, name) is { } existing && attribute.ArgumentList is { } list
            ? attribute.WithArgumentList(list.WithArguments(list.Arguments.Remove(existing)))
            : attribute;

    /// <summary>Whether <paramref name="attribute"/> is the layer attribute <paramref name="name"/> (<c>Dense</c> matches <c>Dense</c>, <c>DenseAttribute</c> and qualified forms).</summary>
    public static bool Is(AttributeSyntax attribute, string name)
    {
        string written = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        return written == name || written == name + "Attribute";
    }
}
