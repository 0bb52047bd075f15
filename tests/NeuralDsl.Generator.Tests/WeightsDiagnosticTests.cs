using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>ND801-ND808: every problem with a compiled-in weights file, at the <c>Weights</c> argument.</summary>
public class WeightsDiagnosticTests
{
    private const string Header = """
        using NeuralDsl;

        namespace Samples;

        """;

    /// <summary>Weights of Inputs = 2, Dense(3, ReLU), Dense(1, Sigmoid) in NeuralDsl's format.</summary>
    internal const string SmallJson = """
        {
          "format": "neuraldsl.weights",
          "version": 1,
          "inputs": 2,
          "layers": [
            { "kind": "Dense", "inputs": 2, "units": 3, "activation": "ReLU",
              "weights": [[0.5, -0.25, 1], [0.125, 2, -1.5]], "biases": [0.1, 0.2, 0.3] },
            { "kind": "Dense", "inputs": 3, "units": 1, "activation": "Sigmoid",
              "weights": [[1], [-1], [0.5]], "biases": [-0.1] }
          ]
        }
        """;

    internal const string SmallDeclaration = """
        /// <summary>A small network with compiled-in weights.</summary>
        [Network(Inputs = 2, Weights = "small.json")]
        [Dense(3, Activation.ReLU)]
        [Dense(1, Activation.Sigmoid)]
        public partial class Small;
        """;

    private static MarkupResult Verify(string markup, string json, string path = "small.json") =>
        DiagnosticMarkup.Verify(Header + markup, InMemoryAdditionalText.Files((path, json)));

    [Fact]
    public void A_valid_file_generates_a_predictor_and_no_diagnostic()
    {
        MarkupResult result = Verify(SmallDeclaration, SmallJson, "Weights/small.json");
        string source = result.Run.SingleSource;
        Assert.Contains("partial class Small : global::NeuralDsl.IPredictor", source);
        Assert.Contains("public static global::System.ReadOnlySpan<float> Parameters", source);
        Assert.Contains("get => new float[]", source);
        Assert.Contains("0.5f, -0.25f, 1f, 0.125f, 2f, -1.5f, 0.1f, 0.2f,", source);
        GeneratorHarness.AssertEmitsCleanly(result.Run.Output);
    }

    [Fact]
    public void ND801_no_matching_additional_file()
    {
        Verify("""
            [Network(Inputs = 2, {|ND801:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson, "other/not-small.json");
    }

    [Fact]
    public void ND801_a_name_matches_on_a_folder_boundary_only()
    {
        MarkupResult result = Verify("""
            [Network(Inputs = 2, {|ND801:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson, "very-small.json");
        Assert.Contains("<AdditionalFiles Include=\"small.json\" />", result.Diagnostics.Single().GetMessage());
    }

    [Fact]
    public void ND802_invalid_json_names_line_and_position()
    {
        MarkupResult result = Verify("""
            [Network(Inputs = 2, {|ND802:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, "{\n  \"format\": \"neuraldsl.weights\",\n  \"version\": 1,\n}");
        Assert.Contains("(line 4, position 1)", result.Diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("""{ "format": "keras", "version": 1 }""", "\"format\" is \"keras\"")]
    [InlineData("""{ "format": "neuraldsl.weights", "version": 2 }""", "version 2 is not supported")]
    [InlineData("""{ "weights": [] }""", "neither NeuralDsl weights JSON")]
    [InlineData("""{ "in_shape": [null, 2], "layers": [ { "type": "lstm2", "shape": [null, 3], "weights": [] } ] }""", "RTNeural layer type \"lstm2\"")]
    [InlineData("""{ "in_shape": [null, 2], "layers": [ { "type": "conv1d", "shape": [null, 3], "weights": [] } ] }""", "RTNeural's conv1d works on the stream of steps")]
    public void ND803_unknown_format_version_or_layer_type(string json, string message)
    {
        MarkupResult result = Verify("""
            [Network(Inputs = 2, {|ND803:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, json);
        Assert.Contains(message, result.Diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("[Dense(4, Activation.ReLU)]", "layer 0 (Dense, 2 -> 4, ReLU): the file's layer 0 has 2 inputs and 3 units, the declaration 2 and 4")]
    [InlineData("[Dense(3, Activation.Tanh)]", "the file's layer 0 has activation ReLU, the declaration Tanh")]
    [InlineData("[Dense(3, Activation.ReLU, UseBias = false)]", "is declared UseBias = false, but the file has biases")]
    public void ND804_layer_mismatch_names_the_layer_and_both_sizes(string firstLayer, string message)
    {
        MarkupResult result = Verify($$"""
            [Network(Inputs = 2, {|ND804:Weights = "small.json"|})]
            {{firstLayer}}
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson);
        Assert.Contains(message, result.Diagnostics.Single().GetMessage());
    }

    [Fact]
    public void ND804_inputs_and_layer_count()
    {
        MarkupResult inputs = Verify("""
            [Network(Inputs = 5, {|ND804:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson);
        Assert.Contains("the file is for 2 inputs, the declaration has Inputs = 5", inputs.Diagnostics.Single().GetMessage());
        MarkupResult layers = Verify("""
            [Network(Inputs = 2, {|ND804:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dropout(0.1f)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson);
        Assert.Contains("the file has 2 layers, the declaration 3", layers.Diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("NaN", "is NaN")]
    [InlineData("-Infinity", "is -Infinity")]
    [InlineData("1e39", "is Infinity (1e39 is beyond float's range)")]
    public void ND805_non_finite_weight_with_its_place(string value, string message)
    {
        MarkupResult result = Verify("""
            [Network(Inputs = 2, {|ND805:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson.Replace("[0.125, 2, -1.5]", "[0.125, " + value + ", -1.5]"));
        string text = result.Diagnostics.Single().GetMessage();
        Assert.Contains("layer 0's weights[1][1] " + message, text);
        Assert.Contains("(line 7, position", text);
    }

    [Fact]
    public void ND806_loss_with_weights_is_at_the_loss()
    {
        Verify("""
            [Network(Inputs = 2, {|ND806:Loss = Loss.BinaryCrossEntropy|}, Weights = "small.json")]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson);
    }

    [Fact]
    public void ND807_two_matching_files()
    {
        (string source, _) = DiagnosticMarkup.Parse("");
        ImmutableArray<AdditionalText> files = InMemoryAdditionalText.Files(("a/small.json", SmallJson), ("b/small.json", SmallJson));
        MarkupResult result = DiagnosticMarkup.Verify(Header + source + """
            [Network(Inputs = 2, {|ND807:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, files);
        Assert.Contains("matches 2 AdditionalFiles items (/project/a/small.json, /project/b/small.json)", result.Diagnostics.Single().GetMessage());
        // Naming the folder resolves it.
        DiagnosticMarkup.Verify(Header + SmallDeclaration.Replace("\"small.json\"", "\"b/small.json\""), files);
    }

    [Theory]
    [InlineData("[[0.5, -0.25, 1], [0.125, 2]]", "layer 0's weights is not rectangular: row 1 has 2 values, row 0 has 3")]
    [InlineData("[[0.5, -0.25, 1], [0.125, 2, \"x\"]]", "layer 0's weights[1][2] is a string, expected a number")]
    [InlineData("[[0.5, -0.25, 1]]", "layer 0's weights are 1 x 3, but the layer states inputs = 2 and units = 3")]
    public void ND808_malformed_file(string weights, string message)
    {
        MarkupResult result = Verify("""
            [Network(Inputs = 2, {|ND808:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson.Replace("[[0.5, -0.25, 1], [0.125, 2, -1.5]]", weights));
        Assert.Contains(message, result.Diagnostics.Single().GetMessage());
    }

    [Fact]
    public void ND808_unknown_member_is_a_typo_not_ignored()
    {
        MarkupResult result = Verify("""
            [Network(Inputs = 2, {|ND808:Weights = "small.json"|})]
            [Dense(3, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            public partial class Small;
            """, SmallJson.Replace("\"biases\": [0.1, 0.2, 0.3]", "\"bias\": [0.1, 0.2, 0.3]"));
        Assert.Contains("unknown member \"bias\"", result.Diagnostics.Single().GetMessage());
    }
}
