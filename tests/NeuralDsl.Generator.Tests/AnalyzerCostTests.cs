using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using NeuralDsl.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The analyzer runs on every build and keystroke, so it must cost a small fraction of compiling the
/// networks it checks. A project of 50 networks of the usual kinds is compiled as the compiler would
/// (the generator runs, then everything is bound and emitted) and the analyzer's own execution time,
/// as Roslyn measures it, is compared with that compile time. The best of several runs is kept for
/// both, so that a busy machine does not decide the ratio.
/// </summary>
public class AnalyzerCostTests(ITestOutputHelper output)
{
    private const int Networks = 50;
    private const int Runs = 3;

    private static readonly string[] Templates =
    [
        """
        [Network(Inputs = 784, Task = LearningTask.Multiclass, Classes = 10, InputScaling = Scaling.MinMax01,
            Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f, Epochs = 20, BatchSize = 128)]
        [Dense(64, Activation.ReLU)]
        [Dropout(0.2f)]
        [Dense(32, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class Mnist{0};
        """,
        """
        [Network(Inputs = 13, Task = LearningTask.Regression, TargetScaling = Scaling.None, Loss = Loss.MeanSquaredError, LearningRate = 0.5f)]
        [Dense(16, Activation.Sigmoid)]
        [Dense(16, Activation.Sigmoid)]
        [Dense(16, Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Regression{0};
        """,
        """
        [Network(Inputs = 8, Loss = Loss.BinaryCrossEntropy, FromLogits = true, Optimizer = Optimizer.Sgd, LearningRate = 0.1f, Momentum = 0.9f)]
        [Dense(16, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.Tanh)]
        [Dense(1)]
        public partial class Logits{0};
        """,
        """
        [Network(Inputs = 20, Loss = Loss.CategoricalCrossEntropy, Optimizer = Optimizer.AdamW, LearningRate = 0.05f)]
        [Dense(32, Activation.SELU)]
        [Dropout(0.6f)]
        [Dense(32, Activation.ReLU, WeightInit = Init.Zeros, KernelL2 = 0.2f)]
        [Dense(4, Activation.Sigmoid)]
        public partial class Messy{0};
        """,
        """
        [Network(Inputs = 4)]
        [Dense(8, Activation.Tanh)]
        [Dense(3, Activation.Softmax)]
        public partial class Inference{0};
        """,
    ];

    [Fact]
    public void Analyzer_costs_a_small_fraction_of_compiling_fifty_networks()
    {
        string source = "using NeuralDsl;\n\nnamespace Samples;\n\n" + string.Join("\n\n",
            Enumerable.Range(0, Networks).Select(i => Templates[i % Templates.Length].Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        TimeSpan compile = TimeSpan.MaxValue, analyzer = TimeSpan.MaxValue;
        int diagnostics = 0;
        for (int run = 0; run < Runs; run++)
        {
            // A fresh compilation each time: Roslyn caches what it has bound per compilation.
            var stopwatch = Stopwatch.StartNew();
            GeneratorRun generated = GeneratorHarness.Run(TestCompilation.Create(source));
            using (var stream = new MemoryStream())
            {
                Assert.True(generated.Output.Emit(stream).Success);
            }
            compile = Min(compile, stopwatch.Elapsed);

            (TimeSpan time, int count) = AnalyzerTime(TestCompilation.Create(source));
            analyzer = Min(analyzer, time);
            diagnostics = count;
        }

        double ratio = analyzer.TotalMilliseconds / compile.TotalMilliseconds;
        output.WriteLine($"{Networks} networks: compile (generator + bind + emit) {compile.TotalMilliseconds:F0} ms, " +
            $"analyzer {analyzer.TotalMilliseconds:F1} ms ({ratio:P1}), {diagnostics} diagnostics");
        Assert.True(diagnostics >= Networks / Templates.Length * 3, $"Only {diagnostics} diagnostics: the messy templates should each raise several.");
        Assert.True(ratio < 0.5, $"The analyzer took {analyzer.TotalMilliseconds:F1} ms, {ratio:P1} of the {compile.TotalMilliseconds:F0} ms compile.");
    }

    /// <summary>The analyzer's own execution time on <paramref name="compilation"/> (as the compiler reports it with /reportanalyzer), and its diagnostic count.</summary>
    private static (TimeSpan Time, int Count) AnalyzerTime(Compilation compilation)
    {
        var analyzer = new NetworkAnalyzer();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        CompilationWithAnalyzers analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        ImmutableArray<Diagnostic> diagnostics = Task.Run(() => analysis.GetAnalyzerDiagnosticsAsync()).GetAwaiter().GetResult();
        AnalyzerTelemetryInfo telemetry = Task.Run(() => analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default)).GetAwaiter().GetResult();
        return (telemetry.ExecutionTime, diagnostics.Length);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
