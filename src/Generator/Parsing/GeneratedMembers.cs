using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralDsl.Generator.Emitting;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

/// <summary>
/// The names of the members the generator declares for a network, read from the code the emitter
/// writes for it, so that this list can never drift from the emitter. Also tells the generator's own
/// output apart from the user's declarations, since the analyzer sees both in one compilation.
/// </summary>
internal static class GeneratedMembers
{
    private static readonly string GeneratorFolder = typeof(NetworkGenerator).FullName!;

    /// <summary>
    /// Which of <paramref name="candidates"/> (names the user declares or inherits, and the class name)
    /// the generated code for <paramref name="model"/> declares as members. Parsing the generated code
    /// costs far more than writing it, so it is parsed only when a candidate occurs in it as a word
    /// other than the class name in the class header and the constructors.
    /// </summary>
    public static HashSet<string> DeclaredAmong(NetworkModel model, ICollection<string> candidates)
    {
        string code = NetworkEmitter.Emit(model);
        string className = model.ClassName.TrimStart('@');
        var declared = new HashSet<string>();
        if (!candidates.Any(candidate => OccursOutsideConstructors(code, candidate, className))) return declared;
        declared.UnionWith(Names(code));
        declared.IntersectWith(candidates);
        return declared;
    }

    /// <summary>Names of the members (constants, fields, properties, methods, nested types) the generated code declares; constructors and explicit interface implementations excluded.</summary>
    public static HashSet<string> Names(NetworkModel model) => Names(NetworkEmitter.Emit(model));

    private static HashSet<string> Names(string code)
    {
        var names = new HashSet<string>();
        SyntaxNode root = CSharpSyntaxTree.ParseText(code).GetRoot();
        foreach (ClassDeclarationSyntax type in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Take(1))
        {
            foreach (MemberDeclarationSyntax member in type.Members)
            {
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables) names.Add(variable.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case EventDeclarationSyntax { ExplicitInterfaceSpecifier: null } @event:
                        names.Add(@event.Identifier.ValueText);
                        break;
                    case BaseTypeDeclarationSyntax nested:
                        names.Add(nested.Identifier.ValueText);
                        break;
                }
            }
        }
        return names;
    }

    /// <summary>Whether <paramref name="name"/> occurs in <paramref name="code"/> as a whole word, not counting <c>class Name</c> and <c>public Name(</c> when it is the class name.</summary>
    private static bool OccursOutsideConstructors(string code, string name, string className)
    {
        if (name.Length == 0) return false;
        for (int at = code.IndexOf(name, StringComparison.Ordinal); at >= 0; at = code.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            int end = at + name.Length;
            if ((at > 0 && IsIdentifierPart(code[at - 1])) || (end < code.Length && IsIdentifierPart(code[end]))) continue;
            if (name == className && (EndsWith(code, at, "class ") || (EndsWith(code, at, "public ") && end < code.Length && code[end] == '('))) continue;
            return true;
        }
        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool EndsWith(string code, int at, string prefix) =>
        at >= prefix.Length && string.CompareOrdinal(code, at - prefix.Length, prefix, 0, prefix.Length) == 0;

    /// <summary>Whether <paramref name="tree"/> is a file this generator added (its path ends in the generator's folder and a hint name).</summary>
    public static bool IsGeneratedByUs(SyntaxTree? tree)
    {
        if (tree is null) return false;
        string path = tree.FilePath;
        int at = path.LastIndexOf(GeneratorFolder, System.StringComparison.Ordinal);
        return at >= 0 && at + GeneratorFolder.Length < path.Length && path[at + GeneratorFolder.Length] is '/' or '\\';
    }
}
