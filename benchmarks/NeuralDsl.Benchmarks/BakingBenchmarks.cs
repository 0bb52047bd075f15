using System;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NeuralDsl.Embedding;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The cost of compiling weights in: a cold generator run on R2 (784-128-64-10, 109,386 parameters)
/// declared with <c>Weights = "r2.weights.json"</c>, the file being the export of a seeded
/// <see cref="MnistNet"/> (1.44 MB of JSON; 1.66 MB of generated source), and that run plus compiling everything to IL. Compare
/// with <see cref="GeneratorBenchmarks"/>' R2 without weights.
/// </summary>
[MemoryDiagnoser]
public class BakingBenchmarks
{
    private const string Source = """
        using NeuralDsl;

        namespace Bench;

        [Network(Inputs = 784, Weights = "r2.weights.json")]
        [Dense(128, Activation.ReLU)]
        [Dense(64, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class BakedMnistNet;
        """;

    private SyntaxTree _tree = null!;
    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        var stream = new MemoryStream();
        new MnistNet(seed: 1).ExportWeightsJson(stream);
        _json = Encoding.UTF8.GetString(stream.ToArray());
        _tree = CSharpSyntaxTree.ParseText(Source, GeneratorWorkloads.ParseOptions, "BakedMnistNet.cs");
        if (GenerateAndCompile() == 0) throw new InvalidOperationException("Nothing compiled.");
        Console.WriteLine($"// weights file: {Encoding.UTF8.GetByteCount(_json)} bytes; generated source: {GeneratedBytes()} bytes");
    }

    [Benchmark(Description = "Run generator, baked R2")]
    public int Generate() => Driver().RunGenerators(GeneratorWorkloads.EmptyCompilation.AddSyntaxTrees(_tree)).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "Run generator + compile to IL, baked R2")]
    public long GenerateAndCompile()
    {
        Driver().RunGeneratorsAndUpdateCompilation(GeneratorWorkloads.EmptyCompilation.AddSyntaxTrees(_tree), out Compilation output, out _);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        if (!result.Success) throw new InvalidOperationException("The generated code does not compile: " + string.Join("\n", result.Diagnostics));
        return stream.Length;
    }

    /// <summary>A new driver with a new file object, so nothing is cached between calls, as in a clean build.</summary>
    private GeneratorDriver Driver() => GeneratorWorkloads.CreateDriver().AddAdditionalTexts([new InMemoryText("/bench/r2.weights.json", _json)]);

    private int GeneratedBytes()
    {
        GeneratorDriver driver = Driver().RunGenerators(GeneratorWorkloads.EmptyCompilation.AddSyntaxTrees(_tree));
        ImmutableArray<SyntaxTree> trees = driver.GetRunResult().GeneratedTrees;
        return trees.Length == 0 ? 0 : GeneratorWorkloads.ByteCount(trees[0].GetText().ToString());
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
