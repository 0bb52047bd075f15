using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>Design rules about dropout, batch normalisation and weight penalties (catalogue section 2.4).</summary>
public class RegularisationRuleDiagnosticTests
{
    [Theory]
    [InlineData("0.6f")]
    [InlineData("0.8f")]
    [InlineData("0.99f")]
    public void ND402_high_dropout_rate(string rate) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({|ND402:{{rate}}|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("0.5f")]
    [InlineData("0.2f")]
    [InlineData("0f")]
    public void Near_miss_ND402_dropout_at_most_one_half(string rate) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({{rate}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND402_rate_is_not_repeated_as_ND401() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dropout({|ND401:1f|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(1)][{|ND403:Dropout(0.2f)|}]")]
    [InlineData("[Dense(3, UseBias = false)][BatchNormalization][{|ND403:Dropout(0.5f)|}]")]
    public void ND403_dropout_after_the_output_layer(string output) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        {{output}}
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dropout(0.2f)][Dense(1)]")]
    [InlineData("[Dense(1)][Dropout(0f)]")]
    public void Near_miss_ND403_dropout_before_the_output_layer_or_at_rate_zero(string output) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        {{output}}
        public partial class Net;
        """);

    [Fact]
    public void ND404_dropout_before_batch_normalisation() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [{|ND404:Dropout(0.3f)|}]
        [BatchNormalization]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND404_batch_normalisation_first_then_dropout() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, UseBias = false)]
        [BatchNormalization]
        [Activation(Activation.ReLU)]
        [Dropout(0.3f)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[{|ND405:Dense(8)|}][BatchNormalization][Activation(Activation.ReLU)]")]
    [InlineData("[Dense(8, {|ND405:UseBias = true|})][BatchNormalization][Activation(Activation.ReLU)]")]
    public void ND405_bias_before_batch_normalisation(string hidden) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, UseBias = false)][BatchNormalization][Activation(Activation.ReLU)]")]
    [InlineData("[Dense(8, Activation.ReLU)][BatchNormalization]")]
    public void Near_miss_ND405_no_bias_or_a_non_linearity_between(string hidden) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    // A network on an image or a sequence whose hidden layers are the case's, flattened into one output.
    private static string ShapedNet(string shape, string hidden) => $$"""
        [Network(InputShape = {{shape}}, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """;

    [Theory]
    [InlineData("[8, 8, 2]", "[{|ND405:Conv2D(4, 3)|}][BatchNormalization][Activation(Activation.ReLU)]")]
    [InlineData("[8, 2]", "[Conv1D(4, 3, {|ND405:UseBias = true|})][BatchNormalization][Activation(Activation.Tanh)]")]
    public void ND405_bias_of_a_convolution_before_batch_normalisation(string shape, string hidden) => RuleTests.Verify(ShapedNet(shape, hidden));

    [Theory]
    [InlineData("[8, 8, 2]", "[Conv2D(4, 3, UseBias = false)][BatchNormalization][Activation(Activation.ReLU)]")]
    [InlineData("[8, 8, 2]", "[Conv2D(4, 3, Activation.ReLU)][BatchNormalization]")]
    [InlineData("[8, 8, 2]", "[Conv2D(4, 3)][MaxPool2D(2)][BatchNormalization][Activation(Activation.ReLU)]")]
    [InlineData("[8, 2]", "[Conv1D(4, 3, Activation.Tanh)][BatchNormalization]")]
    public void Near_miss_ND405_convolution_without_bias_non_linear_or_not_straight_before(string shape, string hidden) => RuleTests.VerifyClean(ShapedNet(shape, hidden));

    [Theory]
    [InlineData("[8, 8, 2]", "[Conv2D(4, 3, Activation.ReLU)][{|ND404:Dropout(0.3f)|}][BatchNormalization]")]
    [InlineData("[8, 2]", "[Conv1D(4, 3, Activation.ReLU)][MaxPool1D(2)][{|ND404:Dropout(0.2f)|}][BatchNormalization]")]
    public void ND404_dropout_before_batch_normalisation_of_an_image_or_a_sequence(string shape, string hidden) => RuleTests.Verify(ShapedNet(shape, hidden));

    [Theory]
    [InlineData("[8, 8, 2]", "[Conv2D(4, 3, UseBias = false)][BatchNormalization][Activation(Activation.ReLU)][Dropout(0.3f)]")]
    [InlineData("[8, 2]", "[Conv1D(4, 3, Activation.ReLU)][Dropout(0f)][BatchNormalization]")]
    public void Near_miss_ND404_shaped_dropout_after_the_normalisation_or_at_rate_zero(string shape, string hidden) => RuleTests.VerifyClean(ShapedNet(shape, hidden));

    [Fact]
    public void ND406_regularised_biases_one_per_penalty() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {|ND406:BiasL1 = 0.001f|}, {|ND406:BiasL2 = 0.01f|})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("KernelL2 = 0.001f")]
    [InlineData("UseBias = false, BiasL2 = 0.01f")]
    public void Near_miss_ND406_kernel_penalty_or_no_biases(string arguments) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {{arguments}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("{|ND407:KernelL2 = 0.1f|}")]
    [InlineData("{|ND407:KernelL1 = 0.5f|}")]
    [InlineData("{|ND407:KernelL1 = 1f|}, {|ND407:KernelL2 = 1f|}")]
    public void ND407_excessive_weight_penalty(string penalty) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {{penalty}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("KernelL2 = 0.09f")]
    [InlineData("KernelL1 = 1e-4f, KernelL2 = 1e-3f")]
    public void Near_miss_ND407_moderate_penalty(string penalty) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {{penalty}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND407_adamw_decoupled_weight_decay_is_not_a_loss_penalty() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.AdamW, LearningRate = 0.001f, WeightDecay = 0.5f)]
        [Dense(8, Activation.ReLU)]
        [Dense(1)]
        public partial class Net;
        """);
}
