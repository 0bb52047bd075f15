using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The hidden-layer rules reason through convolution layers: a convolution is a trainable layer, and
/// pooling, Flatten and global pooling pass values through like dropout, so a linear convolution
/// followed by an Activation layer has that activation. A convolution's fan-in is kh * kw * in channels.
/// </summary>
public class ConvolutionRuleDiagnosticTests
{
    [Theory]
    [InlineData("[{|ND201:Conv2D(4, 3)|}][Flatten]")]
    [InlineData("[Conv2D(4, 3, {|ND201:Activation.Linear|})][MaxPool2D(2)][Flatten]")]
    [InlineData("[Conv2D(4, 3, Activation.ReLU)][{|ND201:Conv2D(4, 3)|}][GlobalAveragePooling2D]")]
    [InlineData("[{|ND201:Conv2D(4, 3)|}][MaxPool2D(2)][Flatten][Dense(8, Activation.ReLU)]")]
    public void ND201_linear_hidden_convolution(string hidden) => RuleTests.Verify($$"""
        [Network(InputShape = [12, 12, 2], Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND201_linear_hidden_1d_convolution() => RuleTests.Verify("""
        [Network(InputShape = [16, 3], Loss = Loss.MeanSquaredError)]
        [{|ND201:Conv1D(4, 3)|}]
        [MaxPool1D(2)]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[Conv2D(4, 3)][Activation(Activation.ReLU)][Flatten]")]
    [InlineData("[Conv2D(4, 3)][MaxPool2D(2)][Activation(Activation.ReLU)][Flatten]")]
    [InlineData("[Conv2D(4, 3)][Flatten][Dropout(0.2f)][Activation(Activation.ELU)]")]
    [InlineData("[Conv2D(4, 3)][GlobalAveragePooling2D][Activation(Activation.ReLU)]")]
    public void Near_miss_ND201_convolution_non_linearity_from_an_activation_layer(string hidden) => RuleTests.VerifyClean($$"""
        [Network(InputShape = [12, 12, 2], Loss = Loss.MeanSquaredError)]
        {{hidden}}
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND201_a_convolution_that_is_the_output_is_not_hidden() => RuleTests.VerifyClean("""
        [Network(InputShape = [6, 6, 2], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.ReLU, Padding = Padding.Same)]
        [Conv2D(2, 3, Padding = Padding.Same)]
        public partial class Net;
        """);

    [Fact]
    public void ND202_sigmoid_stack_counted_through_convolution_layers()
    {
        MarkupResult result = RuleTests.Verify("""
            [Network(InputShape = [16, 16, 1], Loss = Loss.MeanSquaredError)]
            [Conv2D(4, 3, {|ND202:Activation.Sigmoid|})]
            [MaxPool2D(2)]
            [Conv2D(8, 3)]
            [Activation(Activation.Sigmoid)]
            [Flatten]
            [Dense(8, Activation.Sigmoid)]
            [Dense(1)]
            public partial class Net;
            """);
        Microsoft.CodeAnalysis.Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(2, diagnostic.AdditionalLocations.Count);
        Assert.Contains("(layers 0, 2 and 5)", diagnostic.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void ND202_four_saturating_1d_convolutions() => RuleTests.Verify("""
        [Network(InputShape = [32, 2], Loss = Loss.MeanSquaredError)]
        [Conv1D(4, 3, {|ND202:Activation.Tanh|})]
        [Conv1D(4, 3, Activation.Tanh)]
        [Conv1D(4, 3, Activation.Tanh)]
        [Conv1D(4, 3, Activation.Sigmoid)]
        [GlobalAveragePooling1D]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND202_saturating_convolutions_each_followed_by_batch_normalisation() => RuleTests.VerifyClean("""
        [Network(InputShape = [32, 2], Loss = Loss.MeanSquaredError)]
        [Conv1D(4, 3, Activation.Tanh)]
        [BatchNormalization]
        [Conv1D(4, 3, Activation.Tanh)]
        [BatchNormalization]
        [Conv1D(4, 3, Activation.Tanh)]
        [BatchNormalization]
        [Conv1D(4, 3, Activation.Sigmoid)]
        [GlobalAveragePooling1D]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND202_two_sigmoid_convolutions_and_a_tanh_layer() => RuleTests.VerifyClean("""
        [Network(InputShape = [16, 16, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.Sigmoid)]
        [MaxPool2D(2)]
        [Conv2D(4, 3, Activation.Sigmoid)]
        [Flatten]
        [Dense(8, Activation.Tanh)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("{|ND301:WeightInit = Init.Zeros|}")]
    [InlineData("{|ND301:WeightInit = Init.Constant|}, WeightValue = 0.1f")]
    public void ND301_constant_weights_in_a_hidden_convolution(string init) => RuleTests.Verify($$"""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.ReLU, {{init}})]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND302_he_init_on_a_tanh_convolution() => RuleTests.Verify("""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.Tanh, {|ND302:WeightInit = Init.HeNormal|})]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND303_ten_glorot_relu_convolutions() => RuleTests.Verify($$"""
        [Network(InputShape = [4, 4, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(2, 3, Activation.ReLU, Padding = Padding.Same, {|ND303:WeightInit = Init.GlorotUniform|})]
        {{string.Concat(System.Linq.Enumerable.Repeat("[Conv2D(2, 3, Activation.ReLU, Padding = Padding.Same, WeightInit = Init.GlorotUniform)]\n", 9))}}
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND304_counts_a_convolution_fan_in_as_its_window_over_the_input_channels()
    {
        // 3 * 3 * 8 = 72 inputs per output value, times a variance of 0.25: a gain of 18.
        MarkupResult result = RuleTests.Verify("""
            [Network(InputShape = [6, 6, 8], Loss = Loss.MeanSquaredError)]
            [Conv2D(4, 3, Activation.ReLU, {|ND304:WeightInit = Init.RandomNormal|}, WeightStdDev = 0.5f)]
            [Flatten]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Contains("over 72 inputs", Assert.Single(result.Diagnostics).GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Near_miss_ND304_a_convolution_reads_its_window_not_the_whole_image() => RuleTests.VerifyClean("""
        [Network(InputShape = [28, 28, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.ReLU, WeightInit = Init.RandomNormal, WeightStdDev = 0.5f)]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND305_negative_bias_on_a_relu_convolution() => RuleTests.Verify("""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.ReLU, BiasInit = Init.Constant, {|ND305:BiasValue = -0.5f|})]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND205_selu_convolution_without_lecun_weights() => RuleTests.Verify("""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.SELU, {|ND205:WeightInit = Init.GlorotUniform|})]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND205_selu_convolution_with_its_default_lecun_weights() => RuleTests.VerifyClean("""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.SELU)]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND204_activation_layer_after_a_rectified_convolution() => RuleTests.Verify("""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.ReLU)]
        [{|ND204:Activation(Activation.ReLU)|}]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND406_ND407_convolution_penalties() => RuleTests.Verify("""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.ReLU, {|ND406:BiasL2 = 1e-4f|}, {|ND407:KernelL2 = 0.5f|})]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);
}
