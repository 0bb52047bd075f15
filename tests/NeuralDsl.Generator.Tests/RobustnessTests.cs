using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeuralDsl.Generator.Model;
using NeuralDsl.Generator.Parsing;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The generator and the analyzer run on every keystroke, so they must survive anything an editor
/// can hold: half-typed attributes, wrong argument types, absurd numbers, attributes in odd places.
/// Declarations are drawn from a fixed seed, so a failure always reproduces.
/// </summary>
public class RobustnessTests
{
    private const int Seed = 20240611;
    private const int RandomCases = 300;

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

    [Fact]
    public void Editor_snapshots_do_not_crash_the_generator_or_analyzer() =>
        AssertSurvives(EditorSnapshots.Select(Wrap));

    [Fact]
    public void Random_and_mutated_declarations_do_not_crash_the_generator_or_analyzer()
    {
        var random = new Random(Seed);
        var cases = new List<string>(RandomCases);
        for (int i = 0; i < RandomCases; i++)
        {
            string source = Wrap(RandomDeclaration(random));
            if (random.Next(3) == 0) source = Mutate(source, random);
            cases.Add(source);
        }
        AssertSurvives(cases);
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

    private static void AssertSurvives(IEnumerable<string> sources)
    {
        var failures = new List<string>();
        int index = 0;
        foreach (string source in sources)
        {
            string? failure = Survive(source);
            if (failure is not null) failures.Add($"Case {index}: {failure}\n---\n{source}---");
            index++;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} declarations broke the generator or analyzer:\n\n" + string.Join("\n\n", failures.Take(12)));
    }

    /// <summary>
    /// Runs the generator and the analyzer on one source; returns what went wrong, if anything. Besides
    /// not throwing, the two must agree (code is generated exactly when no NeuralDsl error is reported,
    /// for a declaration the compiler accepts), and code generated from error-free input must compile.
    /// </summary>
    private static string? Survive(string source)
    {
        try
        {
            CSharpCompilation compilation = TestCompilation.Create(source);
            string? oversized = FindOverflowedModel(compilation);
            if (oversized is not null) return oversized;

            GeneratorRun run = GeneratorHarness.Run(compilation);
            GeneratorHarness.AssertGeneratorDidNotThrow(run);
            foreach (GeneratedSourceResult generated in run.Sources)
            {
                Diagnostic[] syntax = generated.SyntaxTree.GetDiagnostics().ToArray();
                if (syntax.Length > 0) return $"{generated.HintName} has syntax errors:\n{GeneratorHarness.Describe(syntax)}";
            }
            // The input, not the output: binding the generated bodies would triple the cost, and the
            // analyzer skips generated code anyway.
            // Design-rule errors report without stopping generation; only the parser's decide it.
            Diagnostic[] errors = GeneratorHarness.Analyze(compilation)
                .Where(d => d.Severity == DiagnosticSeverity.Error && !GeneratorHarness.IsDesignRule(d)).ToArray();
            if (errors.Length > 0 && run.Sources.Length > 0)
                return "Code was generated although the analyzer reports:\n" + GeneratorHarness.Describe(errors);

            bool userCodeCompiles = !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
            if (!userCodeCompiles) return null;
            if (errors.Length == 0 && run.Sources.Length == 0 && AllTypes(compilation.Assembly.GlobalNamespace).Any(t => NetworkParser.FindNetworkAttribute(t) is not null))
                return "Nothing was generated for a valid declaration, and no diagnostic says why.";
            Diagnostic[] generatedErrors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (generatedErrors.Length > 0) return "Generated code does not compile:\n" + GeneratorHarness.Describe(generatedErrors.Take(5));
            return null;
        }
        catch (Exception exception)
        {
            return exception.GetType().Name + ": " + exception.Message;
        }
    }

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
                Model.LayerKind.BatchNormalization => 2 * units,
                _ => 0,
            };
            if (layer.HasSlopes) total += units;
            fanIn = units;
        }
        return total;
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
        for (int i = 0; i < layers; i++) builder.Append('[').Append(random.Next(4) == 0 ? RandomPassThrough(random) : RandomDense(random)).Append("]\n");
        builder.Append(random.Next(3) == 0 ? Pick(random, Targets) : Targets[0]);
        return builder.ToString();
    }

    private static string RandomNetwork(Random random)
    {
        var arguments = new List<string>();
        if (random.Next(6) > 0) arguments.Add("Inputs = " + Pick(random, Numbers));
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
