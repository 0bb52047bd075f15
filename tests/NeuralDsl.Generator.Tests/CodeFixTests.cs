using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NeuralDsl.CodeFixes;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Each code fix, applied through a workspace as the IDE applies it (Microsoft.CodeAnalysis.Testing,
/// see <see cref="NetworkCodeFixTest{TCodeFix}"/>): the fixed source is what the test expects, it
/// compiles together with the code the generator emits for it, and the diagnostic is gone. Fix All
/// fixes every occurrence at once.
/// </summary>
public class CodeFixTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU, {|ND301:WeightInit = Init.Zeros|})]", "[Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]")]
    [InlineData("[Dense(8, Activation.Tanh, {|ND301:WeightInit = Init.Constant|}, WeightValue = 0.5f)]", "[Dense(8, Activation.Tanh, WeightInit = Init.GlorotUniform)]")]
    [InlineData("[Dense(8, {|ND301:WeightInit = Init.Ones|})][Activation(Activation.SELU)]", "[Dense(8, WeightInit = Init.LeCunNormal)][Activation(Activation.SELU)]")]
    public Task ND301_uses_the_initialiser_matched_to_the_activation(string before, string after) =>
        AssertFixed<MatchedInitializerFix>("ND301", Hidden(before), Hidden(after));

    [Fact]
    public Task ND202_turns_the_stack_into_relu_with_he_init() => AssertFixed<ReluWithHeInitFix>("ND202", """
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, {|ND202:Activation.Sigmoid|})]
        [Dense(8, Activation.Sigmoid, WeightInit = Init.GlorotNormal)]
        [Dense(8)]
        [Activation(Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """, """
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, WeightInit = Init.HeUniform)]
        [Activation(Activation.ReLU)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Fact]
    public Task ND202_gives_the_convolution_under_an_activation_layer_he_init() => AssertFixed<ReluWithHeInitFix>("ND202", """
        [Network(InputShape = [16, 16, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, {|ND202:Activation.Sigmoid|})]
        [MaxPool2D(2)]
        [Conv2D(8, 3)]
        [Activation(Activation.Sigmoid)]
        [Flatten]
        [Dense(8, Activation.Sigmoid)]
        [Dense(1)]
        public partial class Net;
        """, """
        [Network(InputShape = [16, 16, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.ReLU, WeightInit = Init.HeUniform)]
        [MaxPool2D(2)]
        [Conv2D(8, 3, WeightInit = Init.HeUniform)]
        [Activation(Activation.ReLU)]
        [Flatten]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("ND102", "BinaryCrossEntropy", "Softmax", "CategoricalCrossEntropy")]
    [InlineData("ND103", "CategoricalCrossEntropy", "Sigmoid", "BinaryCrossEntropy")]
    [InlineData("ND103", "SparseCategoricalCrossEntropy", "Sigmoid", "BinaryCrossEntropy")]
    public Task ND102_ND103_make_the_loss_match_the_output(string id, string loss, string activation, string fixedLoss) =>
        AssertFixed<LossMatchingOutputFix>(id, Output($"{{|{id}:Loss = Loss.{loss}|}}", activation), Output($"Loss = Loss.{fixedLoss}", activation));

    [Fact]
    public Task ND101_turns_a_single_unit_softmax_into_a_sigmoid() => AssertFixed<SigmoidForSingleUnitFix>("ND101", """
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, {|ND101:Activation.Softmax|})]
        public partial class Net;
        """, """
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("ND401", "{|ND401:1f|}")]
    [InlineData("ND401", "{|ND401:-0.2f|}")]
    [InlineData("ND402", "{|ND402:0.9f|}")]
    public Task ND401_ND402_set_the_dropout_rate_to_one_half(string id, string rate) =>
        AssertFixed<SuggestedValueFix>(id, Dropout(rate), Dropout("0.5f"));

    [Theory]
    [InlineData("ND501", "Optimizer = Optimizer.Adam, {|ND501:LearningRate = 0f|}", "Optimizer = Optimizer.Adam, LearningRate = 0.001f")]
    [InlineData("ND501", "{|ND501:LearningRate = -1f|}", "LearningRate = 0.01f")]
    [InlineData("ND502", "Optimizer = Optimizer.RMSprop, {|ND502:LearningRate = 0.1f|}", "Optimizer = Optimizer.RMSprop, LearningRate = 0.001f")]
    [InlineData("ND502", "{|ND502:LearningRate = 0.9f|}", "LearningRate = 0.01f")]
    public Task ND501_ND502_set_the_learning_rate_to_the_optimisers_default(string id, string before, string after) =>
        AssertFixed<SuggestedValueFix>(id, Rate(before), Rate(after));

    [Fact]
    public Task ND502_on_momentum_offers_no_fix()
    {
        string source = Header + Rate("LearningRate = 0.1f, {|ND502:Momentum = 0.95f|}");
        return new NetworkCodeFixTest<SuggestedValueFix>("ND502", source, source).RunAsync();
    }

    [Fact]
    public Task Fix_without_a_using_directive_keeps_a_resolvable_name() => AssertFixed<MatchedInitializerFix>("ND301", """
        namespace Samples;

        [NeuralDsl.Network(Inputs = 4, Loss = NeuralDsl.Loss.MeanSquaredError)]
        [NeuralDsl.Dense(8, NeuralDsl.Activation.ReLU, {|ND301:WeightInit = NeuralDsl.Init.Zeros|})]
        [NeuralDsl.Dense(1)]
        public partial class Net;
        """, """
        namespace Samples;

        [NeuralDsl.Network(Inputs = 4, Loss = NeuralDsl.Loss.MeanSquaredError)]
        [NeuralDsl.Dense(8, NeuralDsl.Activation.ReLU, WeightInit = NeuralDsl.Init.HeUniform)]
        [NeuralDsl.Dense(1)]
        public partial class Net;
        """, header: "");

    [Fact]
    public Task Fix_all_ND301_fixes_every_layer_of_every_network() => AssertFixed<MatchedInitializerFix>("ND301", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {|ND301:WeightInit = Init.Zeros|})]
        [Dense(8, Activation.Tanh, {|ND301:WeightInit = Init.Ones|})]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.SELU, {|ND301:WeightInit = Init.Constant|}, WeightValue = 0.1f)]
        [Dense(1, WeightInit = Init.Zeros)]
        public partial class Second;
        """, """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, Activation.Tanh, WeightInit = Init.GlorotUniform)]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.SELU, WeightInit = Init.LeCunNormal)]
        [Dense(1, WeightInit = Init.Zeros)]
        public partial class Second;
        """);

    [Fact]
    public Task Fix_all_ND202_fixes_every_stack() => AssertFixed<ReluWithHeInitFix>("ND202", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, {|ND202:Activation.Sigmoid|})]
        [Dense(8, Activation.Sigmoid)]
        [Dense(8, Activation.Sigmoid)]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, {|ND202:Activation.Tanh|})]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(8, Activation.Tanh)]
        [Dense(1)]
        public partial class Second;
        """, """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]
        [Dense(1)]
        public partial class Second;
        """);

    [Fact]
    public Task Fix_all_ND401_fixes_every_dropout() => AssertFixed<SuggestedValueFix>("ND401", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({|ND401:1f|})]
        [Dense(8, Activation.ReLU)]
        [Dropout({|ND401:-1f|})]
        [Dense(1)]
        public partial class Net;
        """, """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout(0.5f)]
        [Dense(8, Activation.ReLU)]
        [Dropout(0.5f)]
        [Dense(1)]
        public partial class Net;
        """);

    // ND604 has a warning and an info descriptor, so markup cannot name one: the expected diagnostic is
    // written out, at location 0, with the other recurrent layers as its additional locations 1, 2, ...
    [Theory]
    [InlineData("", "[{|#0:SimpleRNN(8)|}]", ", ClipNorm = 1f", "[SimpleRNN(8)]", DiagnosticSeverity.Warning)]
    [InlineData(", ClipNorm = 0f", "[{|#1:LSTM(8, ReturnSequences = true)|}][{|#0:SimpleRNN(4)|}]", ", ClipNorm = 1f", "[LSTM(8, ReturnSequences = true)][SimpleRNN(4)]", DiagnosticSeverity.Warning)]
    [InlineData(", ClipValue = 0f", "[{|#0:GRU(8, Bidirectional = true)|}]", ", ClipValue = 0f, ClipNorm = 1f", "[GRU(8, Bidirectional = true)]", DiagnosticSeverity.Info)]
    public async Task ND604_declares_clip_norm_on_the_network(string before, string layers, string after, string fixedLayers, DiagnosticSeverity severity)
    {
        string source = Header + $"[Network(InputShape = [10, 2], Loss = Loss.MeanSquaredError{before})]\n{layers}\n[Dense(1)]\npublic partial class Net;\n";
        string fixedSource = Header + $"[Network(InputShape = [10, 2], Loss = Loss.MeanSquaredError{after})]\n{fixedLayers}\n[Dense(1)]\npublic partial class Net;\n";
        var expected = new Microsoft.CodeAnalysis.Testing.DiagnosticResult("ND604", severity);
        for (int location = 0; source.Contains($"{{|#{location}:"); location++) expected = expected.WithLocation(location);
        var test = new NetworkCodeFixTest<GradientClippingFix>("ND604", source, fixedSource);
        test.ExpectedDiagnostics.Add(expected);
        await test.RunAsync();
        AssertCompilesWithout(fixedSource, "ND604");
    }

    [Fact]
    public Task Fix_all_ND502_fixes_every_network() => AssertFixed<SuggestedValueFix>("ND502", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, {|ND502:LearningRate = 0.1f|})]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {|ND502:LearningRate = 2f|})]
        [Dense(1)]
        public partial class Second;
        """, """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.001f)]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, LearningRate = 0.01f)]
        [Dense(1)]
        public partial class Second;
        """);

    [Theory]
    [InlineData("""
        [Dense(3, Activation.Softmax)]
        [{|ND403:Dropout(0.2f)|}]
        public partial class Net;
        """, """
        [Dropout(0.2f)]
        [Dense(3, Activation.Softmax)]
        public partial class Net;
        """)]
    [InlineData("""
        [Dense(3, Activation.Softmax), {|ND403:Dropout(0.2f)|}]
        public partial class Net;
        """, """
        [Dropout(0.2f)]
        [Dense(3, Activation.Softmax)]
        public partial class Net;
        """)]
    [InlineData("""
        [Dense(3, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.Softmax)]
        [{|ND403:Dropout(0.2f)|}]
        public partial class Net;
        """, """
        [Dropout(0.2f)]
        [Dense(3, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.Softmax)]
        public partial class Net;
        """)]
    public Task ND403_moves_the_dropout_before_the_output_layer(string before, string after) =>
        AssertFixed<DropoutBeforeOutputFix>("ND403", Classifier + before, Classifier + after);

    [Theory]
    [InlineData("Inputs = 4", "[{|ND405:Dense(8)|}]", "[Dense(8, UseBias = false)]")]
    [InlineData("Inputs = 4", "[Dense(8, {|ND405:UseBias = true|})]", "[Dense(8, UseBias = false)]")]
    [InlineData("InputShape = [8, 8, 2]", "[{|ND405:Conv2D(4, 3, Padding = Padding.Same)|}]", "[Conv2D(4, 3, Padding = Padding.Same, UseBias = false)]")]
    [InlineData("InputShape = [8, 2]", "[Conv1D(4, 3, {|ND405:UseBias = true|}, Strides = 2)]", "[Conv1D(4, 3, UseBias = false, Strides = 2)]")]
    public Task ND405_switches_off_the_biases_the_batch_normalisation_cancels(string input, string before, string after) =>
        AssertFixed<NoBiasBeforeBatchNormFix>("ND405", Normalised(input, before), Normalised(input, after));

    private static string Normalised(string input, string layer) => $$"""
        [Network({{input}}, Loss = Loss.MeanSquaredError)]
        {{layer}}
        [BatchNormalization]
        [Activation(Activation.ReLU)]
        {{(input.StartsWith("InputShape") ? "[Flatten]\n" : "")}}[Dense(1)]
        public partial class Net;
        """;

    private const string Classifier = """
        [Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy)]
        [Dense(8, Activation.ReLU)]

        """;

    private static string Hidden(string layer) => $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{layer}}
        [Dense(1)]
        public partial class Net;
        """;

    private static string Output(string loss, string activation) => $$"""
        [Network(Inputs = 4, {{loss}})]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.{{activation}})]
        public partial class Net;
        """;

    private static string Dropout(string rate) => $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({{rate}})]
        [Dense(1)]
        public partial class Net;
        """;

    private static string Rate(string arguments) => $$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, {{arguments}})]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """;

    /// <summary>
    /// The fix turns <paramref name="before"/> (with <c>{|ND301:text|}</c> markup on every diagnostic
    /// it must fix) into <paramref name="after"/>, one at a time and with Fix All (see
    /// <see cref="NetworkCodeFixTest{TCodeFix}"/>), and the fixed source compiles with its generated code.
    /// </summary>
    private static async Task AssertFixed<TFix>(string id, string before, string after, string header = Header)
        where TFix : CodeFixProvider, new()
    {
        await new NetworkCodeFixTest<TFix>(id, header + before, header + after).RunAsync();
        AssertCompilesWithout(header + after, id);
    }

    /// <summary>The fixed source and the code generated for it compile without errors, and <paramref name="id"/> is gone.</summary>
    private static void AssertCompilesWithout(string source, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(TestCompilation.Create(source));
        Diagnostic[] errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The fixed source does not compile:\n" + GeneratorHarness.Describe(errors));
        Assert.NotEmpty(run.Sources);
        Assert.DoesNotContain(GeneratorHarness.Analyze(run.Output), d => d.Id == id);
    }
}
