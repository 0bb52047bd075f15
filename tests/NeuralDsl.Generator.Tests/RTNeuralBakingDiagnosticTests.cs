using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// RTNeural JSON models of recurrent networks compiled in: a streaming LSTM or GRU declaration bakes, with
/// its Step; what RTNeural cannot express, or NeuralDsl cannot, is ND804 (or ND808 for a file RTNeural
/// itself cannot read) at the <c>Weights</c> argument, naming the layer and why.
/// </summary>
public class RTNeuralBakingDiagnosticTests
{
    /// <summary>RTNeural's layout of Keras' LSTM(2) on one value per step, then Dense(1).</summary>
    private const string LstmJson = """
        {
          "in_shape": [null, null, 1],
          "layers": [
            { "type": "lstm", "activation": "tanh", "shape": [null, null, 2],
              "weights": [
                [[0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8]],
                [[0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08], [-0.01, -0.02, -0.03, -0.04, -0.05, -0.06, -0.07, -0.08]],
                [0, 0, 1, 1, 0, 0, 0, 0]
              ] },
            { "type": "dense", "activation": "", "shape": [null, null, 1], "weights": [[[0.5], [-0.5]], [0.25]] }
          ]
        }
        """;

    /// <summary>RTNeural's layout of Keras' GRU(1) (reset_after=True) on two values per step, then Dense(1, sigmoid).</summary>
    private const string GruJson = """
        {
          "in_shape": [null, null, 2],
          "layers": [
            { "type": "gru", "activation": "tanh", "shape": [null, null, 1],
              "weights": [ [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, 0.8, 0.9]], BIAS ] },
            { "type": "dense", "activation": "sigmoid", "shape": [null, null, 1], "weights": [[[2]], [0]] }
          ]
        }
        """;

    private static MarkupResult Verify(string markup, string json) => DiagnosticMarkup.VerifyWithWeights(markup, "model.json", json);

    [Fact]
    public void A_streaming_lstm_bakes_with_its_step()
    {
        MarkupResult result = Verify("""
            /// <summary>Streams.</summary>
            [Network(InputShape = [12, 1], Weights = "model.json")]
            [LSTM(2)]
            [Dense(1)]
            public partial class Streamer;
            """, LstmJson);
        string source = result.Run.SingleSource;
        Assert.Contains("partial class Streamer : global::NeuralDsl.IPredictor", source);
        Assert.Contains("public void Step(global::System.ReadOnlySpan<float> input, global::System.Span<float> state, global::System.Span<float> output)", source);
        // The kernel, the recurrent kernel and the bias in Keras' order, then the dense layer.
        Assert.Contains("0.1f, -0.2f, 0.3f, -0.4f, 0.5f, -0.6f, 0.7f, -0.8f,", source);
        Assert.Contains("0f, 0f, 1f, 1f, 0f, 0f, 0f, 0f,", source);
        GeneratorHarness.AssertEmitsCleanly(result.Run.Output);
    }

    [Fact]
    public void A_streaming_gru_bakes()
    {
        MarkupResult result = Verify("""
            /// <summary>Streams.</summary>
            [Network(InputShape = [5, 2], Weights = "model.json")]
            [GRU(1)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Streamer;
            """, GruJson.Replace("BIAS", "[[0.1, 0.2, 0.3], [-0.1, -0.2, -0.3]]"));
        GeneratorHarness.AssertEmitsCleanly(result.Run.Output);
        // The kernel [2][3], the recurrent kernel [1][3], the input then the recurrent bias row, the dense layer.
        Assert.Contains("0.9f, 0.1f, 0.2f, 0.3f, -0.1f, -0.2f, -0.3f, 2f,", result.Run.SingleSource);
    }

    [Theory]
    [InlineData("[LSTM(2, Bidirectional = true)]", "layer 0 (LSTM, (12, 1) -> (4)) is bidirectional: RTNeural runs a stream forward only")]
    [InlineData("[LSTM(3)]", "layer 0 (LSTM, (12, 1) -> (3)): the file's lstm layer has 2 units, the declaration 3")]
    [InlineData("[GRU(2)]", "layer 0 (GRU, (12, 1) -> (2)): expected gru layer, the file has lstm layer")]
    [InlineData("[SimpleRNN(2)]", "RTNeural has no SimpleRNN")]
    [InlineData("[LSTM(2, ReturnSequences = true)][Flatten]", "returns every step (ReturnSequences = true)")]
    public void ND804_recurrent_layers_RTNeural_cannot_express_or_that_differ(string recurrent, string message)
    {
        MarkupResult result = Verify($$"""
            [Network(InputShape = [12, 1], {|ND804:Weights = "model.json"|})]
            {{recurrent}}
            [Dense(1)]
            public partial class Streamer;
            """, LstmJson);
        Assert.Contains(message, DiagnosticMarkup.OnlyMessage(result));
    }

    [Fact]
    public void ND804_a_reset_before_gru_is_not_RTNeural_s()
    {
        MarkupResult result = Verify("""
            [Network(InputShape = [5, 2], {|ND804:Weights = "model.json"|})]
            [GRU(1, ResetAfter = false)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Streamer;
            """, GruJson.Replace("BIAS", "[[0.1, 0.2, 0.3], [-0.1, -0.2, -0.3]]"));
        Assert.Contains("has ResetAfter = false: RTNeural's gru applies the reset gate after the recurrent product", DiagnosticMarkup.OnlyMessage(result));
    }

    [Fact]
    public void ND808_a_one_row_gru_bias_is_a_reset_before_keras_gru()
    {
        MarkupResult result = Verify("""
            [Network(InputShape = [5, 2], {|ND808:Weights = "model.json"|})]
            [GRU(1)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Streamer;
            """, GruJson.Replace("BIAS", "[0.1, 0.2, 0.3]"));
        Assert.Contains("bias is one row (a Keras GRU with reset_after=False)", DiagnosticMarkup.OnlyMessage(result));
    }

    [Fact]
    public void ND804_a_dense_before_the_recurrent_layer_is_per_step_in_RTNeural()
    {
        string timeDistributed = LstmJson.Replace("\"layers\": [",
            "\"layers\": [ { \"type\": \"time-distributed-dense\", \"activation\": \"\", \"shape\": [null, null, 1], \"weights\": [[[1]], [0]] },");
        MarkupResult result = Verify("""
            [Network(InputShape = [12, 1], {|ND804:Weights = "model.json"|})]
            [LSTM(2)]
            [Dense(1)]
            public partial class Streamer;
            """, timeDistributed);
        Assert.Contains("layer 0 (LSTM, (12, 1) -> (2)): expected lstm layer, the file has dense layer before its recurrent layer, which RTNeural applies to each step on its own", DiagnosticMarkup.OnlyMessage(result));
    }

    [Fact]
    public void ND804_a_convolution_has_no_RTNeural_counterpart()
    {
        MarkupResult result = Verify("""
            [Network(InputShape = [12, 1], {|ND804:Weights = "model.json"|})]
            [Conv1D(2, 3, Activation.ReLU)]
            [Flatten]
            [Dense(1)]
            public partial class Streamer;
            """, LstmJson);
        Assert.Contains("layer 0 (Conv1D, (12, 1) -> (10, 2), ReLU): RTNeural's conv1d and conv2d are causal convolutions over the stream of steps", DiagnosticMarkup.OnlyMessage(result));
    }

    [Fact]
    public void ND804_steps_of_another_width()
    {
        MarkupResult result = Verify("""
            [Network(InputShape = [12, 3], {|ND804:Weights = "model.json"|})]
            [LSTM(2)]
            [Dense(1)]
            public partial class Streamer;
            """, LstmJson);
        Assert.Contains("the file is for 1 inputs per step, the declaration has 3 features per step", DiagnosticMarkup.OnlyMessage(result));
    }
}
