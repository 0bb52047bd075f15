using System;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// ND704: a convolution or pooling layer whose stride exceeds its window skips input positions. The
/// expected counts follow from the windows' start positions: output <c>o</c> reads
/// <c>[o * stride - padBefore, o * stride - padBefore + window)</c>.
/// </summary>
public class StrideRuleDiagnosticTests
{
    [Fact]
    public void ND704_strided_convolution_skips_rows_and_columns()
    {
        // Valid 3x3 at stride 4 on 28: 7 windows read 0-2, 4-6, ..., 24-26, so 21 of 28 per axis and
        // 441 of 784 positions: 343 (43.75%) never read.
        MarkupResult result = RuleTests.Verify("""
            [Network(InputShape = [28, 28, 1], Loss = Loss.SparseCategoricalCrossEntropy)]
            [Conv2D(16, 3, Activation.ReLU, {|ND704:Strides = 4|})]
            [Flatten]
            [Dense(10, Activation.Softmax)]
            public partial class Net;
            """);
        string message = Assert.Single(result.Diagnostics).GetMessage();
        Assert.Contains("Layer 0 (Conv2D) moves its 3x3 window by 4x4, so 343 of 784 input positions (43.8%)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ND704_pooling_with_a_stride_beyond_its_pool()
    {
        // 2x2 at stride 3 on 9: 3 windows read 0-1, 3-4, 6-7, so 6 of 9 per axis: 45 of 81 never read.
        MarkupResult result = RuleTests.Verify("""
            [Network(InputShape = [9, 9, 2], Loss = Loss.MeanSquaredError)]
            [MaxPool2D(2, {|ND704:Strides = 3|})]
            [Flatten]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Contains("(MaxPool2D) moves its 2x2 window by 3x3, so 45 of 81 input positions (55.6%)",
            Assert.Single(result.Diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ND704_same_padding_one_by_one_convolution_at_stride_two()
    {
        // Same, 1x1 at stride 2 on 8: 4 windows, no padding, read 0, 2, 4, 6: 48 of 64 never read.
        MarkupResult result = RuleTests.Verify("""
            [Network(InputShape = [8, 8, 3], Loss = Loss.MeanSquaredError)]
            [Conv2D(4, 1, Activation.ReLU, {|ND704:Strides = 2|}, Padding = Padding.Same)]
            [Flatten]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Contains("48 of 64 input positions (75%)", Assert.Single(result.Diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[12, 2]", "Conv1D(4, 2, Activation.ReLU, {|ND704:Strides = 3|})", "Layer 0 (Conv1D) moves its 2 window by 3, so 4 of 12 input positions (33.3%)")]
    [InlineData("[16, 3]", "AveragePool1D(2, {|ND704:Strides = 4|})", "Layer 0 (AveragePool1D) moves its 2 window by 4, so 8 of 16 input positions (50%)")]
    [InlineData("[16, 3]", "MaxPool1D(2, {|ND704:Strides = 4|})", "Layer 0 (MaxPool1D) moves its 2 window by 4, so 8 of 16 input positions (50%)")]
    public void ND704_one_dimensional_layers(string shape, string layer, string expected)
    {
        MarkupResult result = RuleTests.Verify($$"""
            [Network(InputShape = {{shape}}, Loss = Loss.MeanSquaredError)]
            [{{layer}}]
            [Flatten]
            [Dense(1)]
            public partial class Net;
            """);
        Assert.Contains(expected, Assert.Single(result.Diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[8, 8, 2]", "MaxPool2D(2)")]
    [InlineData("[8, 8, 2]", "AveragePool2D(3, Strides = 3)")]
    [InlineData("[8, 8, 2]", "Conv2D(4, 2, Activation.ReLU, Strides = 2)")]
    [InlineData("[8, 8, 2]", "Conv2D(4, 3, Activation.ReLU, Strides = 2)")]
    [InlineData("[8, 8, 2]", "AveragePool2D(3, Strides = 2, Padding = Padding.Same)")]
    [InlineData("[7, 7, 2]", "MaxPool2D(2)")]
    [InlineData("[12, 2]", "Conv1D(4, 3, Activation.ReLU, Strides = 3)")]
    [InlineData("[12, 2]", "MaxPool1D(3, Strides = 2)")]
    [InlineData("[3, 1]", "Conv1D(2, 3, Activation.ReLU, Strides = 4)")]
    public void Near_miss_ND704_stride_at_most_the_window_or_every_position_read(string shape, string layer) => RuleTests.VerifyClean($$"""
        [Network(InputShape = {{shape}}, Loss = Loss.MeanSquaredError)]
        [{{layer}}]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND704_configured_fraction_keeps_the_larger_loss_only()
    {
        const string Body = """
            [Network(InputShape = [28, 28, 1], Loss = Loss.MeanSquaredError)]
            [Conv2D(4, 3, Activation.ReLU, Strides = 4)]
            [MaxPool2D(2, {|ND704:Strides = 3|})]
            [Flatten]
            [Dense(1)]
            public partial class Net;
            """;
        // The convolution leaves 43.75% unread, below the threshold; the pooling over its 7x7 output has 2
        // windows per axis, reading 0-1 and 3-4: 16 of 49 read, 33 (67%) not.
        MarkupResult result = RuleTests.Verify(Body, "neuraldsl.ND704.unread_fraction = 0.5");
        Assert.Contains("33 of 49", Assert.Single(result.Diagnostics).GetMessage(), StringComparison.Ordinal);
    }
}
