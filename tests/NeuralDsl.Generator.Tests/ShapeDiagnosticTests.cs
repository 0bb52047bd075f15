using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Shape inference (ND026-ND029, and ND019 for a shaped layer too large): each misfit reported once,
/// at the attribute or argument at fault, with nothing generated; well-shaped networks give nothing.
/// </summary>
public class ShapeDiagnosticTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    [Fact]
    public void A_Keras_style_cnn_and_a_1d_cnn_have_no_diagnostics_and_generate()
    {
        MarkupResult result = Verify("""
            [Network(InputShape = [28, 28, 1], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f,
                     Task = LearningTask.Multiclass, Classes = 10, InputScaling = Scaling.MinMax01)]
            [Conv2D(32, 3, Activation.ReLU, Padding = Padding.Same)]
            [MaxPool2D(2)]
            [Conv2D(64, 3, Activation.ReLU)]
            [AveragePool2D(2, Strides = 1, Padding = Padding.Same)]
            [Dropout(0.25f)]
            [Flatten]
            [Dense(128, Activation.ReLU)]
            [Dense(10, Activation.Softmax)]
            public partial class Cnn;

            [Network(InputShape = [100, 3], Loss = Loss.MeanSquaredError, Task = LearningTask.Regression,
                     InputScaling = Scaling.Standardized, TargetScaling = Scaling.Standardized)]
            [Conv1D(8, 5, Activation.Tanh, Strides = 2)]
            [MaxPool1D(2)]
            [AveragePool1D(3, Padding = Padding.Same)]
            [GlobalAveragePooling1D]
            [Dense(1)]
            public partial class SignalNet;
            """);
        Assert.Equal(2, result.Run.Sources.Length);
    }

    [Fact]
    public void A_network_of_convolutions_and_pooling_alone_generates() => Verify("""
        [Network(InputShape = [6, 6, 3], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, Activation.Tanh)]
        [Conv2D(2, 1)]
        [GlobalAveragePooling2D]
        public partial class Net;

        [Network(InputShape = [6, 6, 3])]
        [Conv2D(4, 3, Activation.ReLU)]
        [MaxPool2D(2)]
        public partial class ImageOut;
        """);

    [Theory]
    [InlineData("{|ND026:InputShape = [28, 28, 1, 1]|}")]
    [InlineData("{|ND026:InputShape = []|}")]
    [InlineData("{|ND026:InputShape = [28, 0, 1]|}")]
    [InlineData("{|ND026:InputShape = [-3]|}")]
    [InlineData("{|ND026:InputShape = null|}")]
    [InlineData("Inputs = 784, {|ND026:InputShape = [28, 28, 1]|}")]
    [InlineData("{|ND026:InputShape = [65536, 65536, 1]|}")]
    public void ND026_invalid_input_shape(string input) => Verify($$"""
        [Network({{input}}, Loss = Loss.MeanSquaredError)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void InputShape_of_one_extent_is_Inputs() => Verify("""
        [Network(InputShape = [4], Loss = Loss.MeanSquaredError)]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Conv2D({|ND027:0|}, 3)")]
    [InlineData("Conv2D(4, {|ND027:-1|})")]
    [InlineData("Conv2D(4, 3, {|ND027:Strides = 0|})")]
    [InlineData("MaxPool2D({|ND027:0|})")]
    [InlineData("AveragePool2D(2, {|ND027:Strides = -2|})")]
    [InlineData("Conv2D({|ND027:0|}, {|ND027:0|})")]
    public void ND027_invalid_window_argument(string layer) => Verify($$"""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [{{layer}}]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND027_softmax_on_a_convolution() => Verify("""
        [Network(InputShape = [8, 8, 1])]
        [Conv2D(4, 3, {|ND027:Activation.Softmax|})]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[8, 8, 1]", "Conv2D(4, 3)", "{|ND028:Dense(1)|}")]
    [InlineData("[8, 3]", "Conv1D(4, 3)", "{|ND028:Dense(1)|}")]
    [InlineData("[8]", "{|ND028:Conv2D(4, 3)|}", "Dense(1)")]
    [InlineData("[8]", "{|ND028:MaxPool1D(2)|}", "Dense(1)")]
    [InlineData("[8, 3]", "{|ND028:Conv2D(4, 3)|}", "Dense(1)")]
    [InlineData("[8, 8, 3]", "{|ND028:AveragePool1D(2)|}", "Dense(1)")]
    [InlineData("[8, 8, 3]", "{|ND028:GlobalAveragePooling1D|}", "Dense(1)")]
    [InlineData("[8]", "{|ND028:Flatten|}", "Dense(1)")]
    [InlineData("[8]", "{|ND028:GlobalAveragePooling2D|}", "Dense(1)")]
    public void ND028_layer_cannot_take_its_input(string shape, string first, string second) => Verify($$"""
        [Network(InputShape = {{shape}}, Loss = Loss.MeanSquaredError)]
        [{{first}}]
        [{{second}}]
        public partial class Net;
        """);

    [Fact]
    public void ND028_once_per_root_cause_the_layers_after_a_misfit_are_not_checked() => Verify("""
        [Network(Inputs = 64, Loss = Loss.MeanSquaredError)]
        [{|ND028:Conv2D(4, 3)|}]
        [MaxPool2D(2)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Dropout_and_activation_layers_keep_the_shape() => Verify("""
        [Network(InputShape = [6, 6, 2], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3)]
        [Activation(Activation.Tanh)]
        [Dropout(0.1f)]
        [MaxPool2D(2)]
        [{|ND028:Dense(1)|}]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[6, 6, 2]", "Conv2D(4, 3)")]
    [InlineData("[6, 2]", "Conv1D(4, 3)")]
    [InlineData("[6, 6, 2]", "MaxPool2D(2)")]
    public void Batch_normalisation_takes_an_image_or_a_sequence_and_keeps_its_shape(string shape, string first) => Verify($$"""
        [Network(InputShape = {{shape}}, Loss = Loss.MeanSquaredError)]
        [{{first}}]
        [BatchNormalization]
        [{|ND028:Dense(1)|}]
        public partial class Net;
        """);

    [Theory]
    [InlineData("[8, 8, 1]", "Conv2D(4, {|ND029:9|})")]
    [InlineData("[8, 8, 1]", "MaxPool2D({|ND029:9|})")]
    [InlineData("[1, 8, 1]", "Conv2D(4, {|ND029:3|})")]
    [InlineData("[4, 2]", "Conv1D(2, {|ND029:5|}, Strides = 3)")]
    [InlineData("[4, 2]", "AveragePool1D({|ND029:5|})")]
    public void ND029_window_larger_than_its_input(string shape, string layer) => Verify($$"""
        [Network(InputShape = {{shape}}, Loss = Loss.MeanSquaredError)]
        [{{layer}}]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Conv2D(4, 9, Activation.ReLU, Padding = Padding.Same)")]
    [InlineData("MaxPool2D(9, Padding = Padding.Same)")]
    [InlineData("Conv2D(4, 3, Activation.ReLU, {|ND704:Strides = 20|}, Padding = Padding.Same)")]
    public void Same_padding_fits_any_window(string layer) => Verify($$"""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [{{layer}}]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND019_a_convolution_output_past_int_MaxValue() => Verify("""
        [Network(InputShape = [32768, 32768, 1], Loss = Loss.MeanSquaredError)]
        [{|ND019:Conv2D(2, 1)|}]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Layers_after_an_invalid_input_shape_are_not_checked_against_it() => Verify("""
        [Network({|ND026:InputShape = [28, 0, 1]|}, Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3)]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND007_undefined_padding() => Verify("""
        [Network(InputShape = [8, 8, 1], Loss = Loss.MeanSquaredError)]
        [Conv2D(4, 3, {|ND007:Padding = (Padding)7|})]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    private static MarkupResult Verify(string body) => DiagnosticMarkup.Verify(Header + body);
}
