using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NeuralDsl.CodeFixes;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Each code fix, applied through a workspace as the IDE applies it: the fixed source is what the
/// test expects, it compiles together with the code the generator emits for it, and the diagnostic
/// is gone. Fix-all fixes every occurrence in a document at once.
/// </summary>
public class CodeFixTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU, WeightInit = Init.Zeros)]", "[Dense(8, Activation.ReLU, WeightInit = Init.HeUniform)]")]
    [InlineData("[Dense(8, Activation.Tanh, WeightInit = Init.Constant, WeightValue = 0.5f)]", "[Dense(8, Activation.Tanh, WeightInit = Init.GlorotUniform)]")]
    [InlineData("[Dense(8, WeightInit = Init.Ones)][Activation(Activation.SELU)]", "[Dense(8, WeightInit = Init.LeCunNormal)][Activation(Activation.SELU)]")]
    public void ND301_uses_the_initialiser_matched_to_the_activation(string before, string after) =>
        AssertFixed(new MatchedInitializerFix(), "ND301", Hidden(before), Hidden(after));

    [Fact]
    public void ND202_turns_the_stack_into_relu_with_he_init() => AssertFixed(new ReluWithHeInitFix(), "ND202", """
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.Sigmoid)]
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

    [Theory]
    [InlineData("ND102", "BinaryCrossEntropy", "Softmax", "CategoricalCrossEntropy")]
    [InlineData("ND103", "CategoricalCrossEntropy", "Sigmoid", "BinaryCrossEntropy")]
    [InlineData("ND103", "SparseCategoricalCrossEntropy", "Sigmoid", "BinaryCrossEntropy")]
    public void ND102_ND103_make_the_loss_match_the_output(string id, string loss, string activation, string fixedLoss) =>
        AssertFixed(new LossMatchingOutputFix(), id, Output(loss, activation), Output(fixedLoss, activation));

    [Fact]
    public void ND101_turns_a_single_unit_softmax_into_a_sigmoid() => AssertFixed(new SigmoidForSingleUnitFix(), "ND101", """
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Softmax)]
        public partial class Net;
        """, """
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("ND401", "1f")]
    [InlineData("ND401", "-0.2f")]
    [InlineData("ND402", "0.9f")]
    public void ND401_ND402_set_the_dropout_rate_to_one_half(string id, string rate) =>
        AssertFixed(new SuggestedValueFix(), id, Dropout(rate), Dropout("0.5f"));

    [Theory]
    [InlineData("ND501", "Optimizer = Optimizer.Adam, LearningRate = 0f", "Optimizer = Optimizer.Adam, LearningRate = 0.001f")]
    [InlineData("ND501", "LearningRate = -1f", "LearningRate = 0.01f")]
    [InlineData("ND502", "Optimizer = Optimizer.RMSprop, LearningRate = 0.1f", "Optimizer = Optimizer.RMSprop, LearningRate = 0.001f")]
    [InlineData("ND502", "LearningRate = 0.9f", "LearningRate = 0.01f")]
    public void ND501_ND502_set_the_learning_rate_to_the_optimisers_default(string id, string before, string after) =>
        AssertFixed(new SuggestedValueFix(), id, Rate(before), Rate(after));

    [Fact]
    public void ND502_on_momentum_offers_no_fix() =>
        Assert.Empty(CodeFixHarness.Offered(Header + Rate("LearningRate = 0.1f, Momentum = 0.95f"), new SuggestedValueFix(), "ND502"));

    [Fact]
    public void Fix_without_a_using_directive_keeps_a_resolvable_name()
    {
        string fixedSource = CodeFixHarness.Fix("""
            namespace Samples;

            [NeuralDsl.Network(Inputs = 4, Loss = NeuralDsl.Loss.MeanSquaredError)]
            [NeuralDsl.Dense(8, NeuralDsl.Activation.ReLU, WeightInit = NeuralDsl.Init.Zeros)]
            [NeuralDsl.Dense(1)]
            public partial class Net;
            """, new MatchedInitializerFix(), "ND301");
        Assert.Contains("WeightInit = NeuralDsl.Init.HeUniform", fixedSource, System.StringComparison.Ordinal);
        AssertCompilesWithout(fixedSource, "ND301");
    }

    [Fact]
    public void Fix_all_ND301_fixes_every_layer_of_every_network() => AssertFixedAll(new MatchedInitializerFix(), "ND301", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, WeightInit = Init.Zeros)]
        [Dense(8, Activation.Tanh, WeightInit = Init.Ones)]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.SELU, WeightInit = Init.Constant, WeightValue = 0.1f)]
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
    public void Fix_all_ND202_fixes_every_stack() => AssertFixedAll(new ReluWithHeInitFix(), "ND202", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.Sigmoid)]
        [Dense(8, Activation.Sigmoid)]
        [Dense(8, Activation.Sigmoid)]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.Tanh)]
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
    public void Fix_all_ND401_fixes_every_dropout() => AssertFixedAll(new SuggestedValueFix(), "ND401", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout(1f)]
        [Dense(8, Activation.ReLU)]
        [Dropout(-1f)]
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

    [Fact]
    public void Fix_all_ND502_fixes_every_network() => AssertFixedAll(new SuggestedValueFix(), "ND502", """
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, LearningRate = 0.1f)]
        [Dense(1)]
        public partial class First;

        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, LearningRate = 2f)]
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
        [Dropout(0.2f)]
        public partial class Net;
        """, """
        [Dropout(0.2f)]
        [Dense(3, Activation.Softmax)]
        public partial class Net;
        """)]
    [InlineData("""
        [Dense(3, Activation.Softmax), Dropout(0.2f)]
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
        [Dropout(0.2f)]
        public partial class Net;
        """, """
        [Dropout(0.2f)]
        [Dense(3, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.Softmax)]
        public partial class Net;
        """)]
    public void ND403_moves_the_dropout_before_the_output_layer(string before, string after) =>
        AssertFixed(new DropoutBeforeOutputFix(), "ND403", Classifier + before, Classifier + after);

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
        [Network(Inputs = 4, Loss = Loss.{{loss}})]
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

    private static void AssertFixed(CodeFixProvider provider, string id, string before, string after)
    {
        string fixedSource = CodeFixHarness.Fix(Header + before, provider, id);
        Assert.Equal(Header + after, fixedSource);
        AssertCompilesWithout(fixedSource, id);
    }

    private static void AssertFixedAll(CodeFixProvider provider, string id, string before, string after)
    {
        string fixedSource = CodeFixHarness.FixAll(Header + before, provider, id);
        Assert.Equal(Header + after, fixedSource);
        AssertCompilesWithout(fixedSource, id);
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
