using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeuralDsl.Generator;

namespace NeuralDsl.Benchmarks;

/// <summary>The declarations the generator benchmarks compile, and an in-memory compiler set up for them.</summary>
public static class GeneratorWorkloads
{
    /// <summary>R2, the MNIST perceptron: its large layers become loops over vector kernels.</summary>
    public const string Mnist = "R2";

    /// <summary>Twenty Dense layers of 16 units: every layer is at the unroll limit, the largest straight-line output.</summary>
    public const string Deep20 = "Deep20";

    // A net10.0 build compiles with C# 14; this Roslyn (4.14, the version generators must target) calls it Preview.
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly Lazy<CSharpCompilation> Empty = new(() => CSharpCompilation.Create(
        "UserCode", [], LoadReferences(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));

    private static readonly ConcurrentDictionary<string, string> Generated = new();

    /// <summary>A compilation with no source yet, sharing its bound references with every compilation derived from it.</summary>
    public static CSharpCompilation EmptyCompilation => Empty.Value;

    public static string Source(string network) => network switch
    {
        Mnist => """
            using NeuralDsl;

            namespace Bench;

            [Network(Inputs = 784, Loss = Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
            [Dense(128, Activation.ReLU)]
            [Dense(64, Activation.ReLU)]
            [Dense(10, Activation.Softmax)]
            public partial class MnistNet;
            """,
        Deep20 => "using NeuralDsl;\n\nnamespace Bench;\n\n[Network(Inputs = 16, Loss = Loss.MeanSquaredError)]\n" +
            string.Concat(Enumerable.Repeat("[Dense(16, Activation.Tanh)]\n", 19)) +
            "[Dense(1, Activation.Linear)]\npublic partial class Deep20Net;\n",
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "Unknown generator workload."),
    };

    public static SyntaxTree Parse(string network) => CSharpSyntaxTree.ParseText(Source(network), ParseOptions, network + ".cs");

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create([new NetworkGenerator().AsSourceGenerator()], parseOptions: ParseOptions);

    /// <summary>The generated source of <paramref name="network"/> (computed once per process).</summary>
    public static string GeneratedSource(string network) => Generated.GetOrAdd(network, name =>
    {
        GeneratorDriver driver = CreateDriver().RunGenerators(EmptyCompilation.AddSyntaxTrees(Parse(name)));
        return string.Concat(driver.GetRunResult().GeneratedTrees.Select(tree => tree.GetText().ToString()));
    });

    /// <summary>Throws unless the generated code of <paramref name="network"/> compiles without errors.</summary>
    public static void CheckCompiles(string network)
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(EmptyCompilation.AddSyntaxTrees(Parse(network)), out Compilation output, out _);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        if (!result.Success)
            throw new InvalidOperationException($"{network} does not compile:\n" +
                string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        if (GeneratedSource(network).Length == 0) throw new InvalidOperationException($"The generator emitted nothing for {network}.");
    }

    private static IEnumerable<MetadataReference> LoadReferences()
    {
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set.");
        var paths = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            paths.TryAdd(Path.GetFileName(path), path);
        string runtime = typeof(NetworkAttribute).Assembly.Location;
        paths[Path.GetFileName(runtime)] = runtime;
        return paths.Values.Select(path => MetadataReference.CreateFromFile(path)).ToArray();
    }

    /// <summary>Lines of <paramref name="text"/>.</summary>
    public static int LineCount(string text)
    {
        int lines = 0;
        foreach (char c in text) if (c == '\n') lines++;
        return text.Length > 0 && text[^1] != '\n' ? lines + 1 : lines;
    }

    /// <summary>Bytes of <paramref name="text"/> in UTF-8, as written to disk.</summary>
    public static int ByteCount(string text) => Encoding.UTF8.GetByteCount(text);
}
