using System.Linq;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// ND604 (recurrent layers trained without gradient clipping), and the other rules on typical recurrent
/// networks: recurrent layers are neither trainable nor pass-through layers to them, so none may
/// mistake a recurrent network's Dense output for a linear stack or its embedding for a bad initialiser.
/// </summary>
public class RecurrentRuleDiagnosticTests
{
    [Fact]
    public void ND604_simple_rnn_without_clipping_is_a_warning()
    {
        MarkupResult result = RuleTests.Verify("""
            [Network(InputShape = [20, 3], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam)]
            [{|ND604:SimpleRNN(16)|}]
            [Dense(1)]
            public partial class Net;
            """);

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Layer 0 (SimpleRNN) is trained without gradient clipping: the network declares neither ClipNorm nor ClipValue, "
            + "and a SimpleRNN's gradients can grow geometrically through the time steps and wreck a training step; declare ClipNorm = 1f", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("LSTM(16)")]
    [InlineData("GRU(16)")]
    [InlineData("GRU(16, ResetAfter = false, Bidirectional = true)")]
    public void ND604_gated_layer_without_clipping_is_advice(string layer)
    {
        MarkupResult result = RuleTests.Verify($$"""
            [Network(InputShape = [20, 3], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam)]
            [{|ND604:{{layer}}|}]
            [Dense(1)]
            public partial class Net;
            """);

        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(result.Diagnostics).Severity);
    }

    [Fact]
    public void ND604_reports_once_per_network_on_the_simple_rnn_with_the_other_layers_as_additional_locations()
    {
        MarkupResult result = RuleTests.Verify("""
            [Network(InputShape = [20, 3], Loss = Loss.MeanSquaredError)]
            [LSTM(8, ReturnSequences = true)]
            [{|ND604:SimpleRNN(8, ReturnSequences = true)|}]
            [GRU(4)]
            [Dense(1)]
            public partial class Net;
            """);

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.StartsWith("Layer 1 (SimpleRNN)", diagnostic.GetMessage());
        string source = diagnostic.Location.SourceTree!.ToString();
        Assert.Equal(new[] { "LSTM(8, ReturnSequences = true)", "GRU(4)" },
            diagnostic.AdditionalLocations.Select(location => source.Substring(location.SourceSpan.Start, location.SourceSpan.Length)));
    }

    [Fact]
    public void ND604_a_declared_zero_is_no_clipping()
    {
        RuleTests.Verify("""
            [Network(InputShape = [10, 2], Loss = Loss.MeanSquaredError, ClipNorm = 0f, ClipValue = 0f)]
            [{|ND604:GRU(4)|}]
            [Dense(1)]
            public partial class Net;
            """);
    }

    [Theory]
    [InlineData("ClipNorm = 1f")]
    [InlineData("ClipValue = 0.5f")]
    [InlineData("ClipNorm = 0f, ClipValue = 5f")]
    public void Near_miss_ND604_clipping_declared(string clipping) => RuleTests.VerifyClean($$"""
        [Network(InputShape = [20, 3], Loss = Loss.MeanSquaredError, {{clipping}})]
        [SimpleRNN(8, ReturnSequences = true)]
        [LSTM(4)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND604_inference_only_network_is_never_trained() => RuleTests.VerifyClean("""
        [Network(InputShape = [20, 3])]
        [SimpleRNN(8)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void Near_miss_ND604_convolution_over_a_sequence_is_not_recurrent() => RuleTests.VerifyClean("""
        [Network(InputShape = [20, 3], Loss = Loss.MeanSquaredError)]
        [Conv1D(8, 3, Activation.ReLU)]
        [GlobalAveragePooling1D]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND201_still_fires_on_a_linear_layer_whose_next_weights_are_not_recurrent() => RuleTests.Verify("""
        [Network(InputShape = [30, 2], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
        [{|ND201:Conv1D(8, 3)|}]
        [Conv1D(8, 3, Activation.ReLU)]
        [LSTM(8)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void An_activation_after_a_recurrent_layer_is_not_the_effective_activation_of_the_layer_before_it() => RuleTests.VerifyClean("""
        [Network(InputShape = [30, 2], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
        [Conv1D(8, 3, WeightInit = Init.HeUniform)]
        [LSTM(8, ReturnSequences = true)]
        [Activation(Activation.Tanh)]
        [Flatten]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("""
        [Network(InputShape = [30, 1], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
        [LSTM(16)]
        [Dense(1)]
        """)]
    [InlineData("""
        [Network(Inputs = 40, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
        [Embedding(1000, 16)]
        [LSTM(32)]
        [Dense(1, Activation.Sigmoid)]
        """)]
    [InlineData("""
        [Network(InputShape = [50, 8], Loss = Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f, ClipNorm = 1f)]
        [GRU(32, Bidirectional = true)]
        [Dense(4, Activation.Softmax)]
        """)]
    [InlineData("""
        [Network(InputShape = [24, 4], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, ClipValue = 1f)]
        [LSTM(32, ReturnSequences = true, KernelL2 = 1e-4f)]
        [Dropout(0.2f)]
        [GRU(16, ResetAfter = false)]
        [Dense(4, Activation.ReLU)]
        [Dense(5, Activation.Softmax)]
        """)]
    [InlineData("""
        [Network(InputShape = [12, 2], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
        [SimpleRNN(8, ReturnSequences = true)]
        [Flatten]
        [Dense(1)]
        """)]
    [InlineData("""
        [Network(InputShape = [64, 3], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
        [Conv1D(16, 5)]
        [MaxPool1D(2)]
        [LSTM(16)]
        [Dense(1)]
        """)]
    public void No_rule_raises_a_false_alarm_on_a_typical_recurrent_network(string declaration) =>
        RuleTests.VerifyClean(declaration + "\npublic partial class Net;");
}
