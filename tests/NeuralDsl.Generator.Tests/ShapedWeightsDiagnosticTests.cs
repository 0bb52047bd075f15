using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// NeuralDsl's weights JSON for convolution and recurrent networks compiled in: a file that fits bakes;
/// another number of filters or units, another window or GRU form, or an array of the wrong shape is ND804
/// at the <c>Weights</c> argument, naming the layer and both values.
/// </summary>
public class ShapedWeightsDiagnosticTests
{
    /// <summary>Weights of InputShape = [3, 1], Conv1D(2, 2, ReLU), Flatten, Dense(1, Sigmoid), as the runtime writes them.</summary>
    private const string ConvJson = """
        {
          "format": "neuraldsl.weights", "version": 1, "inputs": 3,
          "layers": [
            { "kind": "Conv1D", "inputs": 3, "units": 4, "activation": "ReLU",
              "inputShape": [3, 1], "outputShape": [2, 2], "kernelSize": 2, "strides": 1, "padding": "Valid",
              "weights": [[0.5, -0.5], [0.25, 0.75]], "biases": [0.125, -0.125] },
            { "kind": "Flatten", "inputs": 4, "units": 4, "activation": "Linear", "inputShape": [2, 2], "outputShape": [4] },
            { "kind": "Dense", "inputs": 4, "units": 1, "activation": "Sigmoid", "weights": [[1], [2], [3], [4]], "biases": [0] }
          ]
        }
        """;

    /// <summary>Weights of InputShape = [4, 2], GRU(1) (reset after), Dense(1).</summary>
    private const string GruJson = """
        {
          "format": "neuraldsl.weights", "version": 1, "inputs": 8,
          "layers": [
            { "kind": "GRU", "inputs": 8, "units": 1, "activation": "Linear",
              "inputShape": [4, 2], "outputShape": [1], "returnSequences": false, "bidirectional": false, "resetAfter": true,
              "kernel": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], "recurrentKernel": [[0.7, 0.8, 0.9]], "biases": [[0.01, 0.02, 0.03], [0.04, 0.05, 0.06]] },
            { "kind": "Dense", "inputs": 1, "units": 1, "activation": "Linear", "weights": [[2]], "biases": [0] }
          ]
        }
        """;

    private static MarkupResult Verify(string markup, string json) => DiagnosticMarkup.VerifyWithWeights(markup, "small.json", json);

    [Fact]
    public void A_convolution_network_bakes_its_kernel_in_Keras_order()
    {
        MarkupResult result = Verify("""
            /// <summary>Baked.</summary>
            [Network(InputShape = [3, 1], Weights = "small.json")]
            [Conv1D(2, 2, Activation.ReLU)]
            [Flatten]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, ConvJson);
        GeneratorHarness.AssertEmitsCleanly(result.Run.Output);
        Assert.Contains("0.5f, -0.5f, 0.25f, 0.75f, 0.125f, -0.125f, 1f, 2f,", result.Run.SingleSource);
    }

    [Fact]
    public void A_recurrent_network_bakes_kernel_recurrent_kernel_and_both_bias_rows()
    {
        MarkupResult result = Verify("""
            /// <summary>Baked.</summary>
            [Network(InputShape = [4, 2], Weights = "small.json")]
            [GRU(1)]
            [Dense(1)]
            public partial class Small;
            """, GruJson);
        GeneratorHarness.AssertEmitsCleanly(result.Run.Output);
        Assert.Contains("0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f,", result.Run.SingleSource);
        Assert.Contains("0.9f, 0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 2f,", result.Run.SingleSource);
    }

    [Theory]
    [InlineData("[Conv1D(3, 2, Activation.ReLU)]", "layer 0 (Conv1D, (3, 1) -> (2, 3), ReLU): the file's layer 0 has 3 inputs and 4 units, the declaration 3 and 6")]
    [InlineData("[Conv1D(2, 2, Activation.ReLU, Strides = 2, Padding = Padding.Same)]", "layer 0 (Conv1D, (3, 1) -> (2, 2), ReLU): the file's layer 0 has \"strides\" 1, the declaration 2")]
    [InlineData("[Conv1D(2, 2, Activation.ReLU, UseBias = false)]", "layer 0 (Conv1D, (3, 1) -> (2, 2), ReLU) is declared UseBias = false, but the file has biases for it")]
    public void ND804_another_convolution(string convolution, string message)
    {
        MarkupResult result = Verify($$"""
            [Network(InputShape = [3, 1], {|ND804:Weights = "small.json"|})]
            {{convolution}}
            [Flatten]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, ConvJson);
        Assert.Contains(message, DiagnosticMarkup.OnlyMessage(result));
    }

    [Theory]
    [InlineData("[GRU(1, ResetAfter = false)]", "", "layer 0 (GRU, (4, 2) -> (1)): the file's layer 0 has \"resetAfter\" true, the declaration false")]
    [InlineData("[GRU(2)]", "", "layer 0 (GRU, (4, 2) -> (2)): the file's layer 0 has 8 inputs and 1 units, the declaration 8 and 2")]
    [InlineData("[GRU(1, ReturnSequences = true)][Flatten]", "", "the file has 2 layers, the declaration 3")]
    [InlineData("[GRU(1)]", "\"kernel\": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]|\"kernel\": [[0.1, 0.2, 0.3]]", "layer 0 (GRU, (4, 2) -> (1)): the file's kernel are 1 x 3, the declaration needs 2 x 3")]
    [InlineData("[GRU(1)]", "\"recurrentKernel\": [[0.7, 0.8, 0.9]], |", "layer 0 (GRU, (4, 2) -> (1)) has recurrent kernel, but the file has none for it")]
    public void ND804_another_recurrent_layer_or_array(string recurrent, string edit, string message)
    {
        string json = edit.Length == 0 ? GruJson : GruJson.Replace(edit.Split('|')[0], edit.Split('|')[1]);
        MarkupResult result = Verify($$"""
            [Network(InputShape = [4, 2], {|ND804:Weights = "small.json"|})]
            {{recurrent}}
            [Dense(1)]
            public partial class Small;
            """, json);
        Assert.Contains(message, DiagnosticMarkup.OnlyMessage(result));
    }
}
