using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>Builds in-memory compilations of user code that references the NeuralDsl runtime.</summary>
internal static class TestCompilation
{
    /// <summary>Documentation comments are diagnosed, so malformed generated XML docs show up as warnings.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions Options =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    // Binding references is the slow part of a compilation. Compilations derived from one empty
    // compilation share its reference manager, so every test pays for it once.
    private static readonly Lazy<CSharpCompilation> Empty = new(() =>
        CSharpCompilation.Create("UserCode", [], LoadReferences(), Options));

    /// <summary>
    /// The references every test compilation has: the platform and the NeuralDsl runtime. The external
    /// ones only: <c>Compilation.References</c> would also bind the shared compilation's directives,
    /// computing its lazy state while other tests derive compilations from it.
    /// </summary>
    public static IEnumerable<MetadataReference> References => Empty.Value.ExternalReferences;

    public static CSharpCompilationOptions CompilationOptions => Options;

    /// <summary>A library compiled from <paramref name="sources"/>, named <c>Source0.cs</c>, <c>Source1.cs</c>, ...</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        Empty.Value.AddSyntaxTrees(sources.Select((source, i) => Parse(source, $"Source{i}.cs")));

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set.");
        var paths = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            paths.TryAdd(Path.GetFileName(path), path);
        string runtime = typeof(NetworkAttribute).Assembly.Location;
        paths[Path.GetFileName(runtime)] = runtime;
        return paths.Values.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
