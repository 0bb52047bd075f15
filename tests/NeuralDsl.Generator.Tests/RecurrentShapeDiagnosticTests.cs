using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// Recurrent and embedding layers in shape inference: well-formed sequence networks generate with no
/// diagnostic; a recurrent layer on a vector or an image, a Dense after a sequence, an embedding anywhere
/// but first, and invalid arguments are each reported once at the attribute or argument at fault.
/// </summary>
public class RecurrentShapeDiagnosticTests
{
    private const string Header = "using NeuralDsl;\n\nnamespace Samples;\n\n";

    [Fact]
    public void Keras_style_recurrent_networks_have_no_diagnostics_and_generate()
    {
        MarkupResult result = Verify("""
            [Network(InputShape = [20, 1], Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam, ClipNorm = 1f, Task = LearningTask.Regression,
                     InputScaling = Scaling.Standardized, TargetScaling = Scaling.Standardized)]
            [LSTM(16)]
            [Dense(1)]
            public partial class Forecaster;

            [Network(Inputs = 40, Loss = Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam, ClipNorm = 1f)]
            [Embedding(1000, 16)]
            [GRU(32, Bidirectional = true, ReturnSequences = true)]
            [Dropout(0.2f)]
            [SimpleRNN(8)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Sentiment;

            [Network(InputShape = [12, 3], Loss = Loss.MeanSquaredError, ClipValue = 1f)]
            [Conv1D(8, 3, Activation.ReLU)]
            [LSTM(4, ReturnSequences = true)]
            [Flatten]
            [Dense(2)]
            public partial class ConvThenLstm;
            """);
        Assert.Equal(3, result.Run.Sources.Length);
    }

    [Theory]
    [InlineData("[8]", "{|ND028:LSTM(4)|}", "Dense(1)")]
    [InlineData("[8, 8, 1]", "{|ND028:GRU(4)|}", "Dense(1)")]
    [InlineData("[8, 3]", "LSTM(4, ReturnSequences = true)", "{|ND028:Dense(1)|}")]
    [InlineData("[8, 3]", "SimpleRNN(4)", "{|ND028:LSTM(2)|}")]
    [InlineData("[8, 3]", "LSTM(4)", "{|ND028:Embedding(10, 2)|}")]
    [InlineData("[8, 3]", "{|ND028:Embedding(10, 2)|}", "LSTM(2)")]
    public void ND028_recurrent_and_embedding_misfits(string shape, string first, string second) => Verify($$"""
        [Network(InputShape = {{shape}}, Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
        [{{first}}]
        [{{second}}]
        public partial class Net;
        """);

    [Theory]
    [InlineData("LSTM({|ND702:0|})")]
    [InlineData("GRU(4, {|ND027:UseBias = false|})")]
    [InlineData("LSTM(4, {|ND013:BiasInit = Init.Orthogonal|})")]
    [InlineData("SimpleRNN(4, {|ND018:KernelL2 = -1f|})")]
    public void Invalid_recurrent_arguments(string layer) => Verify($$"""
        [Network(InputShape = [8, 3], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
        [{{layer}}]
        [Dense(1)]
        public partial class Net;
        """);

    [Theory]
    [InlineData("Embedding({|ND027:0|}, 4)")]
    [InlineData("Embedding(10, {|ND027:-2|})")]
    public void Invalid_embedding_arguments(string layer) => Verify($$"""
        [Network(Inputs = 8, Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
        [{{layer}}]
        [LSTM(2)]
        [Dense(1)]
        public partial class Net;
        """);

    [Fact]
    public void ND019_a_recurrent_cache_past_int_MaxValue() => Verify("""
        [Network(InputShape = [100000, 1], Loss = Loss.MeanSquaredError, ClipNorm = 1f)]
        [{|ND019:LSTM(4000)|}]
        [Dense(1)]
        public partial class Net;
        """);

    private static MarkupResult Verify(string body) => DiagnosticMarkup.Verify(Header + body);
}
