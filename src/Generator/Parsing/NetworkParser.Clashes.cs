using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

/// <summary>
/// Declarations the generated code could not compile beside: rather than emit code that fails with a
/// compiler error in a file the user cannot edit, the parser reports the clash at the user's own
/// syntax, and nothing is generated.
/// </summary>
internal sealed partial class NetworkParser
{
    /// <summary>Class shapes the generated partial declaration cannot complete: file-local, derived from a network, a primary constructor.</summary>
    private void CheckClassShape(Location classLocation)
    {
        if (_type.IsFileLocal)
            Report(DiagnosticDescriptors.FileLocalNetwork, classLocation, _type.Name);
        for (INamedTypeSymbol? baseType = _type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (FindNetworkAttribute(baseType) is null) continue;
            Report(DiagnosticDescriptors.NetworkDerivesFromNetwork, classLocation, _type.Name, baseType.ToDisplayString());
            break;
        }
        foreach (SyntaxReference reference in _type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters })
                Report(DiagnosticDescriptors.ConstructorClashesWithGenerated, parameters.GetLocation(), _type.Name, "a primary constructor");
        }
    }

    /// <summary>
    /// User members (in any partial declaration) and inherited members named like a member the
    /// generated code declares, constructors with the generated signatures, and a class named like a
    /// generated member (CS0542).
    /// </summary>
    private void CheckGeneratedMemberClashes(NetworkModel model)
    {
        var candidates = new HashSet<string> { _type.Name };
        foreach (ISymbol member in _type.GetMembers())
        {
            if (UserLocation(member) is not null) candidates.Add(member.Name);
        }
        for (INamedTypeSymbol? baseType = _type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
            candidates.UnionWith(baseType.MemberNames);
        HashSet<string> generated = GeneratedMembers.DeclaredAmong(model, candidates);
        if (generated.Contains(_type.Name))
            Report(DiagnosticDescriptors.NetworkNamedLikeGeneratedMember, _type.Locations.FirstOrDefault() ?? Location.None, _type.Name);

        foreach (ISymbol member in _type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || UserLocation(member) is not { } location) continue;
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                if (constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(_cancellationToken) is TypeDeclarationSyntax)) continue; // a primary constructor, reported with the class shape
                if (constructor.Parameters.Length == 0 || (constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32))
                    Report(DiagnosticDescriptors.ConstructorClashesWithGenerated, location, _type.Name, "the constructor " + constructor.ToDisplayString());
                continue;
            }
            if (member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.UserDefinedOperator) }) continue; // accessors, finalizer, static constructor
            if (generated.Contains(member.Name))
                Report(DiagnosticDescriptors.MemberClashesWithGenerated, location, _type.Name, "declares", member.Name);
        }

        for (INamedTypeSymbol? baseType = _type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            foreach (ISymbol member in baseType.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member.DeclaredAccessibility == Accessibility.Private || member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }) continue;
                if (member.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal &&
                    !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _type.ContainingAssembly)) continue;
                if (generated.Contains(member.Name))
                    Report(DiagnosticDescriptors.MemberClashesWithGenerated, _type.Locations.FirstOrDefault() ?? Location.None,
                        _type.Name, "inherits from '" + baseType.ToDisplayString() + "'", member.Name);
            }
        }
    }

    /// <summary>Where the user declared <paramref name="member"/>, or null when only the generator did.</summary>
    private static Location? UserLocation(ISymbol member) =>
        member.Locations.FirstOrDefault(l => l.IsInSource && !GeneratedMembers.IsGeneratedByUs(l.SourceTree));
}
