using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Diagnostics about declarations that are well formed but cannot train or work (ND1xx, ND5xx,
/// ND7xx), and near misses that look similar but are fine.
/// </summary>
public class DesignDiagnosticTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    [Theory]
    [InlineData("")]
    [InlineData(", Loss = Loss.CategoricalCrossEntropy")]
    [InlineData(", Loss = Loss.SparseCategoricalCrossEntropy")]
    [InlineData(", Loss = Loss.BinaryCrossEntropy")]
    public void ND101_softmax_on_one_unit_is_the_only_diagnostic(string loss) => Verify($$"""
        [Network(Inputs = 2{{loss}})]
        [Dense(1, {|ND101:Activation.Softmax|})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("CategoricalCrossEntropy")]
    [InlineData("SparseCategoricalCrossEntropy")]
    public void ND104_categorical_cross_entropy_on_one_unit(string loss) => Verify($$"""
        [Network(Inputs = 2, {|ND104:Loss = Loss.{{loss}}|})]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("")]
    [InlineData(", Activation.Linear")]
    [InlineData(", Activation.ReLU")]
    [InlineData(", Activation.Tanh")]
    public void ND105_binary_cross_entropy_without_probabilities(string activation) => Verify($$"""
        [Network(Inputs = 2, {|ND105:Loss = Loss.BinaryCrossEntropy|})]
        [Dense(1{{activation}})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("CategoricalCrossEntropy", "ReLU")]
    [InlineData("CategoricalCrossEntropy", "Linear")]
    [InlineData("SparseCategoricalCrossEntropy", "Tanh")]
    public void ND106_categorical_cross_entropy_without_probabilities(string loss, string activation) => Verify($$"""
        [Network(Inputs = 2, {|ND106:Loss = Loss.{{loss}}|})]
        [Dense(3, Activation.{{activation}})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("0f")]
    [InlineData("-0.1f")]
    [InlineData("float.NaN")]
    [InlineData("float.PositiveInfinity")]
    public void ND501_learning_rate_not_positive_with_a_loss(string rate) => Verify($$"""
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError, {|ND501:LearningRate = {{rate}}|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense({|ND702:0|})]")]
    [InlineData("[Dense({|ND702:-3|}, Activation.ReLU)]")]
    [InlineData("[Dense(activation: Activation.ReLU, {|ND702:units: 0|})]")]
    [InlineData("[Dense({|ND702:int.MinValue|})]")]
    public void ND702_units_not_positive(string layer) => Verify($$"""
        [Network(Inputs = 2)]
        {{layer}}
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND702_on_every_bad_layer() => Verify("""
        [Network(Inputs = 2)]
        [Dense({|ND702:0|})]
        [Dense({|ND702:0|})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("1f")]
    [InlineData("-0.1f")]
    [InlineData("1.5f")]
    [InlineData("float.NaN")]
    public void ND401_dropout_rate_out_of_range(string rate) => Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({|ND401:{{rate}}|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("{|ND504:Momentum = 1f|}")]
    [InlineData("{|ND504:Momentum = -0.5f|}")]
    [InlineData("{|ND504:Nesterov = true|}")]
    [InlineData("Optimizer = Optimizer.Adam, {|ND504:Nesterov = true|}, Momentum = 0.9f")]
    public void ND504_invalid_momentum(string arguments) => Verify($$"""
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError, {{arguments}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("{|ND505:Beta1 = 1f|}")]
    [InlineData("{|ND505:Beta2 = -0.1f|}")]
    public void ND505_adam_beta_out_of_range(string arguments) => Verify($$"""
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, {{arguments}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("0f")]
    [InlineData("-1e-8f")]
    public void ND506_epsilon_not_positive(string epsilon) => Verify($$"""
        [Network(Inputs = 2, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, {|ND506:Epsilon = {{epsilon}}|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_regularised_network_with_momentum_and_batch_normalisation() => VerifyGenerates("""
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Sgd, Momentum = 0.9f, Nesterov = true)]
        [Dense(16, UseBias = false, KernelL2 = 1e-4f)]
        [BatchNormalization]
        [Activation(Activation.ReLU)]
        [Dropout(0.5f)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_dropout_rate_zero_and_adam_defaults() => VerifyGenerates("""
        [Network(Inputs = 4, Loss = Loss.CategoricalCrossEntropy, Optimizer = Optimizer.AdamW, WeightDecay = 0.05f)]
        [Dense(16, Activation.ReLU)]
        [Dropout(0f)]
        [Dense(3)]
        [Activation(Activation.Softmax)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_step_output_without_a_loss() => VerifyGenerates("""
        [Network(Inputs = 2)]
        [Dense(1, Activation.Step)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("")]
    [InlineData(", Loss = Loss.CategoricalCrossEntropy")]
    [InlineData(", Loss = Loss.SparseCategoricalCrossEntropy")]
    public void Near_miss_softmax_on_the_output_layer_with_three_units(string loss) => VerifyGenerates($$"""
        [Network(Inputs = 2{{loss}})]
        [Dense(4, Activation.ReLU)]
        [Dense(units: 3, activation: Activation.Softmax)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("LeakyReLU", "0.2f")]
    [InlineData("ELU", "0.5f")]
    [InlineData("PReLU", "0.1f")]
    [InlineData("LeakyReLU", "float.NaN")]
    [InlineData("PReLU", "-0.5f")]
    public void Near_miss_alpha_on_an_activation_that_takes_it(string activation, string alpha) => VerifyGenerates($$"""
        [Network(Inputs = 2)]
        [Dense(1, Activation.{{activation}}, Alpha = {{alpha}})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("BinaryCrossEntropy", "")]
    [InlineData("BinaryCrossEntropy", ", Activation.ReLU")]
    [InlineData("CategoricalCrossEntropy", "")]
    [InlineData("SparseCategoricalCrossEntropy", ", Activation.Tanh")]
    public void Near_miss_a_loss_from_logits_takes_any_output(string loss, string activation) => VerifyGenerates($$"""
        [Network(Inputs = 2, Loss = Loss.{{loss}}, FromLogits = true)]
        [Dense(3{{activation}})]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_binary_cross_entropy_on_several_sigmoid_units() => VerifyGenerates("""
        [Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
        [Dense(5, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("0f")]
    [InlineData("-1f")]
    public void Near_miss_learning_rate_is_irrelevant_without_a_loss(string rate) => VerifyGenerates($$"""
        [Network(Inputs = 2, LearningRate = {{rate}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("")]
    [InlineData(", Loss = Loss.MeanSquaredError")]
    public void Near_miss_huber_delta_is_irrelevant_without_the_huber_loss(string loss) => VerifyGenerates($$"""
        [Network(Inputs = 2, HuberDelta = -1f{{loss}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("WeightInit = Init.RandomNormal, WeightStdDev = 0f")]
    [InlineData("WeightInit = Init.RandomUniform, WeightMin = 0.5f, WeightMax = 0.5f")]
    [InlineData("WeightInit = Init.Constant, WeightValue = -2f, BiasInit = Init.Ones")]
    [InlineData("WeightInit = Init.LeCunUniform, BiasInit = Init.RandomUniform, BiasMin = -1f, BiasMax = 1f")]
    public void Near_miss_valid_initialisers(string arguments) => VerifyGenerates($$"""
        [Network(Inputs = 2)]
        [Dense(1, {{arguments}})]
        public partial class Net;
        """);

    [Fact]
    public void Class_without_NeuralDsl_attributes_gets_nothing()
    {
        MarkupResult result = Verify("""
            [System.Serializable]
            public partial class Plain;
            """);
        Assert.Empty(result.Run.Sources);
    }

    private static MarkupResult Verify(string body) => DiagnosticMarkup.Verify(Header + body);

    private static void VerifyGenerates(string body)
    {
        MarkupResult result = DiagnosticMarkup.Verify(Header + body);
        Assert.Single(result.Run.Sources);
    }
}
