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

    /// <summary>Names of the members (constants, fields, properties, methods, nested types) the generated code declares; constructors and explicit interface implementations excluded.</summary>
    public static HashSet<string> Names(NetworkModel model)
    {
        var names = new HashSet<string>();
        SyntaxNode root = CSharpSyntaxTree.ParseText(NetworkEmitter.Emit(model)).GetRoot();
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

    /// <summary>Whether <paramref name="tree"/> is a file this generator added (its path ends in the generator's folder and a hint name).</summary>
    public static bool IsGeneratedByUs(SyntaxTree? tree)
    {
        if (tree is null) return false;
        string path = tree.FilePath;
        int at = path.LastIndexOf(GeneratorFolder, System.StringComparison.Ordinal);
        return at >= 0 && at + GeneratorFolder.Length < path.Length && path[at + GeneratorFolder.Length] is '/' or '\\';
    }
}
