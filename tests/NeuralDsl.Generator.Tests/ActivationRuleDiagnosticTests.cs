using System.Linq;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Design rules about activations and initialisation (catalogue sections 2.2 and 2.3). They reason
/// over the effective activation: a linear Dense layer followed by an Activation layer has that
/// activation, whatever the layers are called.
/// </summary>
public class ActivationRuleDiagnosticTests
{
    [Theory]
    [InlineData("[{|ND201:Dense(8)|}]")]
    [InlineData("[Dense(8, {|ND201:Activation.Linear|})]")]
    [InlineData("[Dense(8, UseBias = false, {|ND201:activation: Activation.Linear|})][BatchNormalization]")]
    [InlineData("[{|ND201:Dense(8, UseBias = false)|}][BatchNormalization][Activation(Activation.Linear)]")]
    public void ND201_linear_hidden_layer(string hidden) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU)]")]
    [InlineData("[Dense(8)][Activation(Activation.ReLU)]")]
    [InlineData("[Dense(8, UseBias = false)][BatchNormalization][Activation(Activation.Tanh)]")]
    [InlineData("[Dense(8)][Dropout(0.2f)][Activation(Activation.ELU)]")]
    public void Near_miss_ND201_hidden_non_linearity_from_an_activation_layer(string hidden) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND201_a_linear_model_has_no_hidden_layer() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND202_three_sigmoid_layers() => RuleTests.Verify("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, {|ND202:Activation.Sigmoid|})]
        [Dense(8, Activation.Sigmoid)]
        [Dense(8, Activation.Sigmoid)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND202_four_saturating_layers_one_through_an_activation_layer()
    {
        MarkupResult result = RuleTests.Verify("""
            [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
            [Dense(8, {|ND202:Activation.Tanh|})]
            [Dense(8, Activation.Sigmoid)]
            [Dense(8)]
            [Activation(Activation.Tanh)]
            [Dense(8, Activation.Tanh)]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Equal(3, Assert.Single(result.Diagnostics).AdditionalLocations.Count);
    }

    [Theory]
    [InlineData("[Dense(8, Activation.Sigmoid)]")]
    [InlineData("[Dense(8, Activation.Tanh)][Dense(8, Activation.Tanh)][Dense(8, Activation.Tanh)]")]
    [InlineData("[Dense(8, Activation.Sigmoid)][Dense(8, Activation.Sigmoid)][Dense(8, Activation.Tanh)]")]
    [InlineData("[Dense(8, Activation.Sigmoid)][Dense(8, Activation.Sigmoid)][Dense(8, Activation.ReLU)][Dense(8, Activation.ReLU)]")]
    [InlineData("[Dense(8, UseBias = false)][BatchNormalization][Activation(Activation.Sigmoid)][Dense(8, Activation.Sigmoid)][Dense(8, Activation.Sigmoid)]")]
    public void Near_miss_ND202_shallow_or_normalised_saturating_layers(string hidden) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND202_a_sigmoid_output_is_not_hidden() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
        [Dense(8, Activation.Sigmoid)]
        [Dense(8, Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU)][{|ND204:Activation(Activation.ReLU)|}]")]
    [InlineData("[Dense(8)][Activation(Activation.Tanh)][{|ND204:Activation(Activation.Tanh)|}]")]
    [InlineData("[Dense(8)][Activation(Activation.ReLU)][{|ND204:Activation(Activation.Linear)|}]")]
    public void ND204_redundant_activation(string hidden) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8)][Activation(Activation.ReLU)]")]
    [InlineData("[Dense(8, Activation.ReLU)][Activation(Activation.Linear)]")]
    [InlineData("[Dense(8, Activation.ReLU)][Dropout(0.1f)][Dense(8)][Activation(Activation.ReLU)]")]
    public void Near_miss_ND204_one_activation_per_layer(string hidden) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.SELU, {|ND205:WeightInit = Init.GlorotUniform|})]")]
    [InlineData("[{|ND205:Dense(8)|}][Activation(Activation.SELU)]")]
    [InlineData("[Dense(8, Activation.SELU)][{|ND205:Dropout(0.1f)|}]")]
    public void ND205_selu_without_its_setup(string hidden) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.SELU)]")]
    [InlineData("[Dense(8, WeightInit = Init.LeCunNormal)][Activation(Activation.SELU)]")]
    [InlineData("[Dense(8, Activation.SELU, WeightInit = Init.LeCunUniform)][Dropout(0f)]")]
    public void Near_miss_ND205_selu_with_lecun_weights_and_no_dropout(string hidden) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("{|ND301:WeightInit = Init.Zeros|}")]
    [InlineData("{|ND301:WeightInit = Init.Ones|}")]
    [InlineData("{|ND301:WeightInit = Init.Constant|}, WeightValue = 0.1f")]
    public void ND301_constant_weights_in_a_hidden_layer(string init)
    {
        MarkupResult result = RuleTests.Verify($$"""
            [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
            [Dense(8, Activation.ReLU, {{init}})]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Single(result.Run.Sources);
        Assert.Contains("Init.HeUniform", Assert.Single(result.Diagnostics).GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Near_miss_ND301_zero_weights_on_the_output_layer_alone() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, WeightInit = Init.Zeros)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND301_zero_biases_are_the_default() => RuleTests.VerifyClean("""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, BiasInit = Init.Zeros)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.Tanh, {|ND302:WeightInit = Init.HeNormal|})]")]
    [InlineData("[Dense(8, Activation.Sigmoid, {|ND302:WeightInit = Init.HeUniform|})]")]
    [InlineData("[Dense(8, {|ND302:WeightInit = Init.HeUniform|})][Activation(Activation.Tanh)]")]
    public void ND302_he_init_with_a_saturating_activation(string hidden) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.Tanh, WeightInit = Init.GlorotNormal)]")]
    [InlineData("[Dense(8, Activation.ReLU, WeightInit = Init.HeNormal)]")]
    [InlineData("[Dense(8, WeightInit = Init.HeUniform)][Activation(Activation.LeakyReLU)]")]
    public void Near_miss_ND302_initialiser_matched_to_the_activation(string hidden) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND303_ten_relu_layers_with_the_glorot_default_of_a_linear_layer()
    {
        string hidden = string.Concat(Enumerable.Range(0, 10).Select(i =>
            i == 0 ? "[{|ND303:Dense(8)|}][Activation(Activation.ReLU)]\n" : "[Dense(8)][Activation(Activation.ReLU)]\n"));
        MarkupResult result = RuleTests.Verify($$"""
            [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
            {{hidden}}[Dense(1)]
            public partial class Net;
            """);
        Assert.Equal(9, Assert.Single(result.Diagnostics).AdditionalLocations.Count);
    }

    [Theory]
    [InlineData(9, "[Dense(8)][Activation(Activation.ReLU)]")]
    [InlineData(12, "[Dense(8, Activation.ReLU)]")]
    [InlineData(12, "[Dense(8, UseBias = false)][BatchNormalization][Activation(Activation.ReLU)]")]
    public void Near_miss_ND303_shallow_he_initialised_or_normalised_relu_stacks(int depth, string layer) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{string.Concat(Enumerable.Repeat(layer + "\n", depth))}}[Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData(784, "{|ND304:WeightInit = Init.RandomNormal|}, WeightStdDev = 1f")]
    [InlineData(4, "{|ND304:WeightInit = Init.RandomNormal|}, WeightStdDev = 1f")]
    [InlineData(100, "{|ND304:WeightInit = Init.RandomUniform|}, WeightMin = -0.5f, WeightMax = 0.5f")]
    [InlineData(10, "{|ND304:WeightInit = Init.RandomNormal|}, WeightMean = 1f, WeightStdDev = 0.01f")]
    public void ND304_large_fixed_scale_random_init(int inputs, string init) => RuleTests.Verify($$"""
        [Network(Inputs = {{inputs}}, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {{init}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData(784, "WeightInit = Init.RandomNormal")]
    [InlineData(3, "WeightInit = Init.RandomNormal, WeightStdDev = 1f")]
    [InlineData(1000, "WeightInit = Init.RandomUniform")]
    [InlineData(784, "WeightInit = Init.GlorotNormal")]
    public void Near_miss_ND304_small_or_fan_aware_scales(int inputs, string init) => RuleTests.VerifyClean($$"""
        [Network(Inputs = {{inputs}}, Loss = Loss.MeanSquaredError)]
        [Dense(8, Activation.ReLU, {{init}})]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU, BiasInit = Init.Constant, {|ND305:BiasValue = -0.5f|})]")]
    [InlineData("[Dense(8, BiasInit = Init.Constant, {|ND305:BiasValue = -1f|})][Activation(Activation.ReLU)]")]
    public void ND305_negative_bias_with_relu(string hidden) => RuleTests.Verify($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU, BiasInit = Init.Constant, BiasValue = 0.1f)]")]
    [InlineData("[Dense(8, Activation.LeakyReLU, BiasInit = Init.Constant, BiasValue = -0.5f)]")]
    [InlineData("[Dense(8, Activation.Tanh, BiasInit = Init.Constant, BiasValue = -0.5f)]")]
    public void Near_miss_ND305_positive_bias_or_another_activation(string hidden) => RuleTests.VerifyClean($$"""
        [Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);
}
