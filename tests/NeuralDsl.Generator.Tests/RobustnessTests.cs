using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeuralDsl.Generator.Model;
using NeuralDsl.Generator.Parsing;
using NeuralDsl.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The generator and the analyzer run on every keystroke, so they must survive anything an editor
/// can hold: half-typed attributes, wrong argument types, absurd numbers, attributes in odd places.
/// Declarations are drawn from a fixed seed, so a failure always reproduces.
/// </summary>
public class RobustnessTests(ITestOutputHelper output)
{
    private const int Seed = 20240611;
    private const int FuzzCases = 5000;
    private const int BatchSize = 125;

    // Arrays cannot be longer than this (Array.MaxLength for 4-byte elements).
    private const long MaxParameters = 0x7FFFFFC7;

    private static readonly string[] Numbers =
        ["1", "2", "3", "4", "16", "257", "0", "-1", "-5", "int.MaxValue", "int.MinValue", "100000", "65536", "1 << 20", "\"4\"", "4.5f", "null", "true", "'x'"];

    private static readonly string[] Floats =
        ["0.5f", "1f", "0f", "-1f", "0.001f", "float.NaN", "float.PositiveInfinity", "float.NegativeInfinity", "float.MaxValue", "float.Epsilon", "1e30f", "2", "1.5", "\"0.1\"", "null"];

    private static readonly string[] Activations =
        [.. Enum.GetNames<Activation>().Select(n => "Activation." + n), "(Activation)99", "(Activation)(-1)", "Loss.Huber", "\"ReLU\"", "3", "Activation.", "default"];

    private static readonly string[] Losses =
        [.. Enum.GetNames<Loss>().Select(n => "Loss." + n), "(Loss)42", "Activation.ReLU", "1", "Loss."];

    private static readonly string[] Inits =
        [.. Enum.GetNames<Init>().Select(n => "Init." + n), "(Init)77", "Init.", "2"];

    private static readonly string[] DeclaredSettings =
        ["Classes = ", "Epochs = ", "BatchSize = ", "EarlyStoppingPatience = ", "Task = (LearningTask)", "InputScaling = (Scaling)"];

    private static readonly string[] Targets =
    [
        "public partial class Net;",
        "public partial class Net { }",
        "public class Net;",
        "public partial class Net<T>;",
        "public static partial class Net;",
        "public partial record Net;",
        "public partial record struct Net;",
        "public partial struct Net;",
        "public partial interface Net;",
        "public enum Net { A }",
        "public delegate void Net();",
        "public partial class Outer { public partial class Net; }",
        "public abstract partial class Net;",
        "public sealed partial class @class;",
        "file partial class Net;",
        "partial class Net : System.Collections.Generic.List<int>;",
    ];

    /// <summary>Classes that clash with the generated code; <c>{0}</c> is the name of a member the generator declares.</summary>
    private static readonly string[] ClashTargets =
    [
        "public partial class Net {{ public int {0} => 1; }}",
        "public partial class Net {{ private void {0}() {{ }} }}",
        "public partial class Net {{ public static float {0}; }}",
        "public partial class Net {{ public class {0} {{ }} }}",
        "public partial class {0};",
        "public partial class Net : Base; public class Base {{ protected int {0}; }}",
        "public partial class Net : Base; public class Base {{ private int {0}; }}",
        "public partial class Net(int {0});",
        "public partial class Net {{ public Net(int {0}) {{ }} }}",
        "public partial class Net {{ public Net() {{ }} public int Other{0}; }}",
        "public partial class Net {{ public Net(string {0}) : this(1) {{ }} }}",
        "public partial class Net; [Network(Inputs = 2)][Dense(1)] public partial class NET {{ public int Other{0}; }}",
        "public partial class Net; [Network(Inputs = 2)][Dense(1)] public partial class {0}Derived : Net;",
        "public partial class N" + new string('e', 300) + "{0};",
    ];

    /// <summary>Every member name the generator declares for a network with every kind of layer and a loss.</summary>
    private static readonly Lazy<string[]> GeneratedNames = new(() =>
    {
        CSharpCompilation compilation = TestCompilation.Create(Wrap("""
            [Network(Inputs = 3, Loss = Loss.MeanSquaredError, Epochs = 3)]
            [Dense(4, Activation.PReLU)][BatchNormalization][Dropout(0.1f)][Activation(Activation.Tanh)][Dense(300, Activation.ReLU)][Dense(1)]
            public partial class Net;
            """));
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Samples.Net")!;
        NetworkModel model = NetworkParser.Parse(type, NetworkParser.FindNetworkAttribute(type)!, default).Model!;
        return [.. GeneratedMembers.Names(model).Order(StringComparer.Ordinal)];
    });

    private static readonly string[] Junk =
        ["(", ")", "[", "]", ",", "=", ";", "{", "}", "\"", "[Dense(", "Inputs =", "Activation.", "typeof(int)", "new[] { 1 }", "nameof(Net)", "default", "//", "/*", "#if X", "\n", "@", "::"];

    private static readonly string[] EditorSnapshots =
    [
        "[Dense(",
        "[Network(",
        "[Network(Inputs = ",
        "[Network(Inputs = 2)]\n[Dense(4",
        "[Network(Inputs = 2)]\n[Dense(4, Activation.",
        "[Network(Inputs = 2)]\n[Dense(4, Activation.ReLU, Alpha = ",
        "[Network(Inputs = 2)]\n[Dense(4)]\npublic partial class",
        "[Network(Inputs = 2)]\n[Dense(4)]\npublic partial class Net",
        "[Network(Inputs = 2)]\n[Dense(4)]\npublic partial class Net\n{",
        "[Network(Inputs = 2)]\n[Dense(4)]\npublic partial class Net\n{\n    void M() {",
        "[Network(Inputs = 2) [Dense(4)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(4)][] public partial class Net;",
        "[Network(Inputs = 2), Dense(4), Dense(1, Activation.Sigmoid)] public partial class Net;",
        "[Network(Inputs = 2, Inputs = 3)][Dense(1)] public partial class Net;",
        "[Network(Inputs = 2)][Network(Inputs = 3)][Dense(1)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net;\n[Network(Inputs = 2)][Dense(1)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net;\n[Network(Inputs = 3)] public partial class Net;",
        "[Network(Inputs = 2)][Dense] public partial class Net;",
        "[Network(Inputs = 2)][Dense()] public partial class Net;",
        "[Network(Inputs = 2)][Dense(1, 2, 3)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(units: 1, units: 2)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(1, Units = 3)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(1, Alpha)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(Net.Size)] public partial class Net { public const int Size = 3; }",
        "[Network(Inputs = Net.Size)][Dense(1)] public partial class Net { public const int Size = -3; }",
        "[Network(Inputs = 2)][NeuralDsl.LayerAttribute] public partial class Net;",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net { [Network(Inputs = 1)][Dense(1)] void M() { } }",
        "public partial class Net { [Dense(1)] public int P { get; set; } }",
        "[assembly: Network(Inputs = 2)]\n[assembly: Dense(1)]",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net; [Network(Inputs = 2)][Dense(1)] public partial class Net2 : Net;",
        "[Network(Inputs = 1)][Dense(2, Activation.Softmax)][Dense(2, Activation.Softmax)][Dense(1, Activation.Softmax)] public partial class Net;",
        "[Network(Inputs = 2)][Dense(1)] partial class Net; partial class Net { } partial class Net : object { }",
        "[Network(Inputs = 2, Loss = Loss.Huber, HuberDelta = float.MaxValue, LearningRate = float.Epsilon, Seed = int.MinValue)][Dense(1)] public partial class Net;",
    ];

    /// <summary>
    /// Declarations that once broke a user's build (a generator exception, or generated code that did
    /// not compile, with no ND error saying why). Each stays here as a regression case.
    /// </summary>
    private static readonly string[] Regressions =
    [
        "[Network(Inputs = 2)][Dense(1)] public partial class Net; [Network(Inputs = 3)][Dense(1)] public partial class NET;",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net; [Network(Inputs = 3)][Dense(1)] public partial class nEt; [Network(Inputs = 4)][Dense(1)] public partial class @NET;",
        "[Network(Inputs = 2)][Dense(1)] public partial class N" + new string('e', 300) + ";",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net(int x);",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net { public Net(int seed) { } }",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net { public Net() { } }",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net { public int InputSize => 3; }",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net { private float[] _parameters = []; }",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net { private static void Forward() { } }",
        "[Network(Inputs = 2, Loss = Loss.MeanSquaredError)][Dense(1)] public partial class Net { public void EnsureCapacity(int n) { } }",
        "[Network(Inputs = 2)][Dense(1)] public partial class Parameters;",
        "[Network(Inputs = 2)][Dense(1)] public partial class Layers;",
        "[Network(Inputs = 2)][Dense(1)] public partial class InputSize;",
        "[Network(Inputs = 2)][Dense(1)] public partial class Layer0Units;",
        "[Network(Inputs = 2)][Dense(1)] file partial class Net;",
        "[Network(Inputs = 2)][Dense(1)] public partial class Net; [Network(Inputs = 2, Loss = Loss.MeanSquaredError)][Dense(1)] public partial class Net2 : Net;",
        "public class Base { public void Predict() { } } [Network(Inputs = 2)][Dense(1)] public partial class Net : Base;",
    ];

    [Fact]
    public void Editor_snapshots_and_regressions_do_not_break_the_build() =>
        AssertSurvives([.. EditorSnapshots, .. Regressions]);

    /// <summary>
    /// The fuzz test: <see cref="FuzzCases"/> random and mutated declarations from <see cref="Seed"/>
    /// (set <c>NEURALDSL_FUZZ_CASES</c> for a longer run, <c>NEURALDSL_FUZZ_SEED</c> for another
    /// sequence). Cases are checked many per compilation, each in its own file and namespace.
    /// </summary>
    [Fact]
    public void Random_and_mutated_declarations_do_not_break_the_build()
    {
        int count = FromEnvironment("NEURALDSL_FUZZ_CASES", FuzzCases);
        var random = new Random(FromEnvironment("NEURALDSL_FUZZ_SEED", Seed));
        var cases = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            string declaration = random.Next(2) == 0 ? PlausibleDeclaration(random) : RandomDeclaration(random);
            if (random.Next(3) == 0) declaration = Mutate(declaration, random);
            cases.Add(declaration);
        }
        var stopwatch = Stopwatch.StartNew();
        FuzzFigures figures = AssertSurvives(cases);
        output.WriteLine($"{count} cases, {figures.Networks} [Network] classes: {figures.Generated} generated and compiled cleanly, " +
            $"{figures.Rejected} rejected with an ND error; 0 generator exceptions (CS8785), 0 analyzer exceptions (AD0001), " +
            $"0 non-compiling outputs; {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;

    /// <summary>Case <paramref name="index"/> as a file of its own namespace, sometimes marked as generated.</summary>
    private static string CaseFile(int index, string declaration) =>
        (index % 17 == 3 ? "// <auto-generated/>\n" : "") + $"using NeuralDsl;\n\nnamespace Fuzz.C{index};\n\n{declaration}\n";

    private readonly record struct FuzzFigures(int Networks, int Generated, int Rejected);

    private sealed record BatchResult(List<string> Failures, int Networks, int Generated, int Rejected);

    /// <summary>
    /// Checks every case, <see cref="BatchSize"/> files per compilation, two batches at a time, and
    /// fails with the first cases that broke the build.
    /// </summary>
    private static FuzzFigures AssertSurvives(IReadOnlyList<string> declarations)
    {
        int batches = (declarations.Count + BatchSize - 1) / BatchSize;
        var results = new BatchResult[batches];
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, b =>
        {
            int first = b * BatchSize;
            results[b] = CheckBatch(first, declarations.Skip(first).Take(BatchSize).ToArray());
        });
        string[] failures = results.SelectMany(r => r.Failures).ToArray();
        Assert.True(failures.Length == 0, $"{failures.Length} declarations broke the build:\n\n" + string.Join("\n\n", failures.Take(12)));
        return new FuzzFigures(results.Sum(r => r.Networks), results.Sum(r => r.Generated), results.Sum(r => r.Rejected));
    }

    /// <summary>
    /// Runs the generator and the analyzer over one compilation of cases (as in a build, the analyzer
    /// sees the generated code beside the user's), then checks every class with [Network]: code is
    /// generated only when no NeuralDsl error is reported at its declaration, always when its file also
    /// compiles, and then compiles with no error and no warning. Neither the generator (CS8785) nor the
    /// analyzer (AD0001) may throw.
    /// </summary>
    private static BatchResult CheckBatch(int first, string[] declarations)
    {
        var failures = new List<string>();
        int networks = 0, generatedCount = 0, rejected = 0;
        string[] files = declarations.Select((d, i) => CaseFile(first + i, d)).ToArray();
        void Fail(int index, string why) => failures.Add($"Case {index}: {why}\n---\n{files[index - first]}---");
        try
        {
            CSharpCompilation compilation = TestCompilation.Create(files);
            string? oversized = FindOverflowedModel(compilation);
            if (oversized is not null)
            {
                failures.Add($"Batch from case {first}: {oversized}");
                return new BatchResult(failures, 0, 0, 0);
            }

            GeneratorRun run = GeneratorHarness.Run(compilation);
            GeneratorHarness.AssertGeneratorDidNotThrow(run);
            var generated = new Dictionary<string, SyntaxTree>();
            foreach (GeneratedSourceResult source in run.Sources)
            {
                string? name = GeneratedClass(source.SyntaxTree);
                Diagnostic[] syntax = source.SyntaxTree.GetDiagnostics().ToArray();
                if (name is null || syntax.Length > 0)
                    failures.Add($"{source.HintName} has syntax errors:\n{GeneratorHarness.Describe(syntax)}");
                else
                    generated[name] = source.SyntaxTree;
            }

            // The analyzer on the input: on the output it would bind every generated body a second time.
            // (That it ignores the generated members it sees in a build is the markup tests' concern.)
            Diagnostic[] errors = GeneratorHarness.Analyze(compilation)
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("ND", StringComparison.Ordinal) && !GeneratorHarness.IsDesignRule(d)).ToArray();
            ILookup<SyntaxTree, Diagnostic> userErrors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is not null)
                .ToLookup(d => d.Location.SourceTree!);
            var generatedTrees = new HashSet<SyntaxTree>(generated.Values);
            ILookup<SyntaxTree, Diagnostic> generatedProblems = run.Output.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
                .ToLookup(d => d.Location.SourceTree!);
            var fileIndex = compilation.SyntaxTrees.Select((tree, i) => (tree, i)).ToDictionary(p => p.tree, p => first + p.i);

            foreach (INamedTypeSymbol type in AllTypes(compilation.Assembly.GlobalNamespace))
            {
                SyntaxReference[] parts = type.DeclaringSyntaxReferences.ToArray();
                if (NetworkParser.FindNetworkAttribute(type) is null || parts.Length == 0) continue;
                int index = fileIndex[parts[0].SyntaxTree];
                networks++;
                Diagnostic[] reported = errors.Where(e => parts.Any(r => r.SyntaxTree == e.Location.SourceTree && r.Span.Contains(e.Location.SourceSpan))).ToArray();
                bool userCodeCompiles = parts.All(r => !userErrors[r.SyntaxTree].Any());
                SyntaxTree? tree = null;
                bool isGenerated = type.ContainingType is null && generated.TryGetValue(type.ContainingNamespace.ToDisplayString() + "." + type.Name, out tree);
                if (reported.Length > 0) rejected++;
                if (isGenerated) generatedCount++;

                if (isGenerated && reported.Length > 0)
                    Fail(index, $"Code was generated for '{type.Name}' although the analyzer reports:\n" + GeneratorHarness.Describe(reported));
                else if (!isGenerated && reported.Length == 0 && userCodeCompiles)
                    Fail(index, $"Nothing was generated for '{type.Name}', and no diagnostic says why.");
                else if (isGenerated && userCodeCompiles && generatedProblems[tree!].Any())
                    Fail(index, $"Generated code for '{type.Name}' does not compile cleanly:\n" + GeneratorHarness.Describe(generatedProblems[tree!].Take(5)));
            }
        }
        catch (Exception exception)
        {
            failures.Add($"Batch from case {first}: {exception.GetType().Name}: {exception.Message}");
        }
        return new BatchResult(failures, networks, generatedCount, rejected);
    }

    /// <summary>The full name of the class a generated file declares.</summary>
    private static string? GeneratedClass(SyntaxTree tree)
    {
        SyntaxNode root = tree.GetRoot();
        ClassDeclarationSyntax? type = root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        if (type is null) return null;
        string? ns = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        return ns is null ? type.Identifier.ValueText : ns + "." + type.Identifier.ValueText;
    }

    [Theory]
    [InlineData(2, "[Dense(int.MaxValue)]")]
    [InlineData(int.MaxValue, "[Dense(1)]")]
    [InlineData(65536, "[Dense(65536)]")]
    [InlineData(1, "[Dense(1_000_000_000)][Dense(1_000_000_000)][Dense(3)]")]
    public void Sizes_beyond_an_array_are_rejected_not_overflowed(int inputs, string layers)
    {
        // Parsed directly: emitting an overflowed model could unroll billions of statements.
        CSharpCompilation compilation = TestCompilation.Create(Wrap($"[Network(Inputs = {inputs})]{layers} public partial class Net;"));
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Samples.Net")!;
        ParseResult result = NetworkParser.Parse(type, NetworkParser.FindNetworkAttribute(type)!, default);

        if (result.Model is { } model)
            Assert.Fail($"The parser accepted a network of {TrueParameterCount(model)} parameters; the model says {model.ParameterCount}.");
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource);
    }

    private static string Wrap(string declaration) => "using NeuralDsl;\n\nnamespace Samples;\n\n" + declaration + "\n";

    /// <summary>
    /// A model whose sizes overflowed <c>int</c> would make the emitter unroll billions of statements,
    /// so it is reported here instead of being emitted.
    /// </summary>
    private static string? FindOverflowedModel(Compilation compilation)
    {
        foreach (INamedTypeSymbol type in AllTypes(compilation.Assembly.GlobalNamespace))
        {
            if (NetworkParser.FindNetworkAttribute(type) is not { } network) continue;
            NetworkModel? model = NetworkParser.Parse(type, network, default).Model;
            if (model is null) continue;
            long parameters = TrueParameterCount(model);
            if (parameters > MaxParameters || parameters != model.ParameterCount)
                return $"The parser accepted '{type.Name}' with {parameters} parameters (the model says {model.ParameterCount}); it should report an error.";
        }
        return null;
    }

    private static long TrueParameterCount(NetworkModel model)
    {
        long total = 0;
        long fanIn = model.Inputs;
        foreach (LayerModel layer in model.Layers)
        {
            long units = layer.Units;
            total += layer.Kind switch
            {
                Model.LayerKind.Dense => fanIn * units + (layer.UseBias ? units : 0),
                // Keras' count: kh * kw * in channels * filters, plus one bias per filter.
                Model.LayerKind.Conv2D or Model.LayerKind.Conv1D => (long)layer.Window.KernelHeight * layer.Window.KernelWidth * layer.InputShape.Channels * layer.OutputShape.Channels
                    + (layer.UseBias ? layer.OutputShape.Channels : 0),
                Model.LayerKind.BatchNormalization => 2 * units,
                // Keras' counts, per direction: SimpleRNN u(u + f) + u, LSTM 4(u(u + f) + u), GRU 3(u(u + f) + u), or + 2u with reset_after.
                Model.LayerKind.SimpleRNN or Model.LayerKind.LSTM or Model.LayerKind.GRU => RecurrentCount(layer),
                Model.LayerKind.Embedding => (long)layer.Vocabulary * layer.OutputShape.Channels,
                _ => 0,
            };
            if (layer.HasSlopes) total += units;
            fanIn = units;
        }
        return total;
    }

    private static long RecurrentCount(LayerModel layer)
    {
        long u = layer.Recurrence.Units, f = layer.InputShape.Channels;
        long single = layer.Kind switch
        {
            Model.LayerKind.LSTM => 4 * (u * (u + f) + u),
            Model.LayerKind.GRU => 3 * (u * (u + f) + (layer.Recurrence.ResetAfter ? 2 * u : u)),
            _ => u * (u + f) + u,
        };
        return layer.Recurrence.Bidirectional ? 2 * single : single;
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner)
            {
                if (inner is INamedTypeSymbol type) yield return type;
                foreach (INamedTypeSymbol nested in AllTypes(inner)) yield return nested;
            }
        }
    }

    private static string RandomDeclaration(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(10) > 0) builder.Append('[').Append(RandomNetwork(random)).Append("]\n");
        int layers = random.Next(5);
        for (int i = 0; i < layers; i++)
            builder.Append('[').Append(random.Next(4) switch { 0 => RandomPassThrough(random), 1 => RandomShaped(random), _ => RandomDense(random) }).Append("]\n");
        builder.Append(random.Next(3) switch
        {
            0 => Pick(random, Targets),
            1 when random.Next(2) == 0 => string.Format(CultureInfo.InvariantCulture, Pick(random, ClashTargets), Pick(random, GeneratedNames.Value)),
            _ => Targets[0],
        });
        return builder.ToString();
    }

    /// <summary>A declaration a user could mean: valid values, mostly, so that code is generated and compiled.</summary>
    private static string PlausibleDeclaration(Random random)
    {
        string[] activations = Enum.GetNames<Activation>().Where(n => n != nameof(Activation.Step)).ToArray();
        int kind = random.Next(6);
        bool image = kind == 0, sequence = kind == 1, tokens = kind == 2;
        var network = new List<string>
        {
            image ? "InputShape = [6, 6, 2]" : sequence ? "InputShape = [5, 3]" : tokens ? "Inputs = 6" : "Inputs = " + random.Next(1, 9).ToString(CultureInfo.InvariantCulture),
        };
        if (random.Next(4) > 0) network.Add("Loss = Loss." + Pick(random, Enum.GetNames<Loss>()));
        if (random.Next(3) == 0) network.Add("Optimizer = Optimizer." + Pick(random, Enum.GetNames<Optimizer>()));
        if (random.Next(3) == 0) network.Add("LearningRate = " + Pick(random, ["0.001f", "0.01f", "0.1f", "1f"]));
        if (random.Next(4) == 0) network.Add(Pick(random, ["FromLogits = true", "ExactActivations = true", "Seed = 7", "Epochs = 10", "BatchSize = 4", "ValidationSplit = 0.2f", "ClipNorm = 1f", "Momentum = 0.9f"]));
        var builder = new StringBuilder("[Network(" + string.Join(", ", network) + ")]\n");
        if (image)
        {
            // (6, 6, 2) -> (6, 6, k) or (4, 4, k) -> pooled -> a vector for the dense layers below.
            builder.Append($"[Conv2D({random.Next(1, 5)}, 3, Activation.{Pick(random, activations.Where(a => a != nameof(Activation.Softmax)).ToArray())}{Pick(random, ["", ", Padding = Padding.Same", ", Strides = 2", ", UseBias = false"])})]\n");
            builder.Append(Pick(random, ["[MaxPool2D(2)]\n[Flatten]\n", "[AveragePool2D(2, Strides = 1, Padding = Padding.Same)]\n[Flatten]\n", "[GlobalAveragePooling2D]\n", "[Dropout(0.1f)]\n[Flatten]\n"]));
        }
        if (sequence || tokens)
        {
            // (5, 3), or six token ids as (6, k), through recurrent layers to a vector for the dense layers below.
            if (tokens) builder.Append($"[Embedding({random.Next(1, 12)}, {random.Next(1, 5)})]\n");
            string gru = Pick(random, ["", ", ResetAfter = false"]);
            builder.Append(Pick(random, [$"[LSTM({random.Next(1, 6)})]\n", $"[GRU({random.Next(1, 6)}{gru}, Bidirectional = true)]\n",
                $"[SimpleRNN({random.Next(1, 6)}, ReturnSequences = true)]\n[Dropout(0.1f)]\n[LSTM(2, KernelL2 = 0.01f)]\n", $"[GRU(3, ReturnSequences = true{gru})]\n[Flatten]\n"]));
        }
        int layers = random.Next(1, 6);
        for (int i = 0; i < layers; i++)
        {
            string layer = random.Next(5) switch
            {
                0 when i > 0 => Pick(random, ["Dropout(0.2f)", "BatchNormalization", "Activation(Activation." + Pick(random, activations) + ")"]),
                _ => $"Dense({Pick(random, ["1", "2", "3", "4", "8", "9"])}, Activation.{Pick(random, activations)}" +
                    Pick(random, ["", "", ", UseBias = false", ", KernelL2 = 0.01f", ", WeightInit = Init.HeNormal", ", Alpha = 0.2f", ", BiasInit = Init.Constant, BiasValue = 0.1f"]) + ")",
            };
            builder.Append('[').Append(layer).Append("]\n");
        }
        builder.Append(random.Next(3) == 0 ? string.Format(CultureInfo.InvariantCulture, Pick(random, ClashTargets), Pick(random, GeneratedNames.Value)) : "public partial class Net;");
        return builder.ToString();
    }

    private static string RandomNetwork(Random random)
    {
        var arguments = new List<string>();
        if (random.Next(6) > 0) arguments.Add("Inputs = " + Pick(random, Numbers));
        if (random.Next(4) == 0) arguments.Add("InputShape = " + Pick(random, ["[8, 8, 1]", "[6, 3]", "[5, 5, 2]", "[4]", "[0, 2]", "[]", "null", "[5, 5, 2, 1]", "[32768, 32768, 4]", "[-1, 3]", "new[] { 3, 3, 1 }", "[1.5]"]));
        if (random.Next(2) == 0) arguments.Add("Loss = " + Pick(random, Losses));
        if (random.Next(3) == 0) arguments.Add("LearningRate = " + Pick(random, Floats));
        if (random.Next(4) == 0) arguments.Add("Seed = " + Pick(random, Numbers));
        if (random.Next(4) == 0) arguments.Add("HuberDelta = " + Pick(random, Floats));
        if (random.Next(10) == 0) arguments.Add(Pick(random, ["5", "Units = 3", "Inputs", "Foo = 1"]));
        if (random.Next(3) == 0) arguments.Add(Pick(random, DeclaredSettings) + Pick(random, Numbers));
        if (random.Next(4) == 0) arguments.Add(Pick(random, ["Task = LearningTask.", "InputScaling = Scaling.", "TargetScaling = Scaling."]) +
            Pick(random, [.. Enum.GetNames<LearningTask>(), .. Enum.GetNames<Scaling>(), "Foo"]));
        if (random.Next(5) == 0) arguments.Add(Pick(random, ["FromLogits = true", "FromLogits = false", "FromLogits = 1", "EarlyStoppingMonitor = \"val_loss\"", "EarlyStoppingMonitor = null", "EarlyStoppingMonitor = 3"]));
        if (random.Next(5) == 0) arguments.Add(Pick(random, ["ValidationSplit = ", "ClipNorm = ", "ClipValue = ", "Momentum = ", "Epsilon = "]) + Pick(random, Floats));
        Shuffle(random, arguments);
        return "Network(" + string.Join(", ", arguments) + ")";
    }

    private static string RandomDense(Random random)
    {
        var positional = new List<string>();
        if (random.Next(8) > 0) positional.Add(random.Next(3) == 0 ? Pick(random, Numbers) : random.Next(1, 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (random.Next(2) == 0) positional.Add(Pick(random, Activations));
        var named = new List<string>();
        if (random.Next(4) == 0) named.Add("Alpha = " + Pick(random, Floats));
        if (random.Next(5) == 0) named.Add(Pick(random, ["KernelL1 = ", "KernelL2 = ", "BiasL1 = ", "BiasL2 = "]) + Pick(random, Floats));
        if (random.Next(6) == 0) named.Add(Pick(random, ["UseBias = false", "UseBias = true", "UseBias = 0"]));
        foreach (string prefix in new[] { "Weight", "Bias" })
        {
            if (random.Next(3) > 0) continue;
            named.Add($"{prefix}Init = {Pick(random, Inits)}");
            foreach (string argument in new[] { "Value", "Mean", "StdDev", "Min", "Max" })
            {
                if (random.Next(3) == 0) named.Add($"{prefix}{argument} = {Pick(random, Floats)}");
            }
        }
        Shuffle(random, named);
        return "Dense(" + string.Join(", ", positional.Concat(named)) + ")";
    }

    /// <summary>A convolution, pooling, global pooling or Flatten layer, with sizes that fit, do not fit, or make no sense.</summary>
    private static string RandomShaped(Random random)
    {
        string[] sizes = ["1", "2", "3", "5", "9", "0", "-1", "int.MaxValue", "2.5f"];
        string named = Pick(random, ["", "", ", Strides = " + Pick(random, sizes), ", Padding = Padding.Same", ", Padding = (Padding)5", ", UseBias = false", ", KernelL2 = 0.01f", ", Alpha = 0.1f"]);
        return random.Next(8) switch
        {
            6 => $"{Pick(random, ["SimpleRNN", "LSTM", "GRU"])}({Pick(random, sizes)}{Pick(random, ["", ", ReturnSequences = true", ", Bidirectional = true", ", UseBias = false", ", RecurrentInit = Init.Zeros", ", BiasInit = Init.Orthogonal", ", KernelL2 = -1f"])})",
            7 => $"Embedding({Pick(random, sizes)}, {Pick(random, sizes)})",
            0 => $"{Pick(random, ["Conv2D", "Conv1D"])}({Pick(random, sizes)}, {Pick(random, sizes)}{(random.Next(2) == 0 ? ", " + Pick(random, Activations) : "")}{named})",
            1 => $"{Pick(random, ["MaxPool2D", "AveragePool2D", "MaxPool1D", "AveragePool1D"])}({Pick(random, sizes)}{(named.Contains("Bias") || named.Contains("Kernel") || named.Contains("Alpha") ? "" : named)})",
            2 => Pick(random, ["GlobalAveragePooling2D", "GlobalAveragePooling1D"]),
            3 => "Conv2D(" + Pick(random, sizes) + ")",
            _ => "Flatten",
        };
    }

    private static string RandomPassThrough(Random random) => random.Next(3) switch
    {
        0 => "Dropout(" + Pick(random, Floats) + ")",
        1 => "Activation(" + Pick(random, Activations) + ")",
        _ => "BatchNormalization" + Pick(random, ["", "()", "(Momentum = 0.9f)", "(Epsilon = -1f)"]),
    };

    /// <summary>One edit a user might be halfway through: a cut, a stray token, a truncation or a repeated line.</summary>
    private static string Mutate(string source, Random random)
    {
        int at = random.Next(source.Length);
        switch (random.Next(4))
        {
            case 0:
                return source.Remove(at, Math.Min(random.Next(1, 6), source.Length - at));
            case 1:
                return source.Insert(at, Pick(random, Junk));
            case 2:
                return source.Substring(0, at);
            default:
                string[] lines = source.Split('\n');
                int line = random.Next(lines.Length);
                return string.Join("\n", lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static void Shuffle(Random random, List<string> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
