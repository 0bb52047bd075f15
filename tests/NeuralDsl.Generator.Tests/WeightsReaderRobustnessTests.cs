using System;
using System.Text;
using NeuralDsl.Generator.Baking;

namespace NeuralDsl.Generator.Tests;

/// <summary>Damaged weights files never make the reader throw (the generator would fail with CS8785): each gives a problem.</summary>
public class WeightsReaderRobustnessTests
{
    [Fact]
    public void Every_truncation_is_a_problem_not_an_exception()
    {
        string json = WeightsDiagnosticTests.SmallJson.TrimEnd();
        for (int length = 0; length < json.Length; length++)
        {
            WeightsFile file = WeightsFileReader.Read("/p/small.json", json.Substring(0, length));
            Assert.True(file.Problem is not null, $"A file cut after {length} characters was accepted");
        }
        Assert.Null(WeightsFileReader.Read("/p/small.json", json).Problem);
    }

    [Fact]
    public void Random_character_changes_never_throw()
    {
        var random = new Random(11);
        const string alphabet = "{}[],:\"\\-+.eE0123456789 \nNaIfinty";
        foreach (string json in new[] { WeightsDiagnosticTests.SmallJson, RTNeural })
        {
            for (int trial = 0; trial < 3000; trial++)
            {
                var text = new StringBuilder(json);
                for (int edits = random.Next(1, 4); edits > 0; edits--)
                    text[random.Next(text.Length)] = alphabet[random.Next(alphabet.Length)];
                WeightsFile file = WeightsFileReader.Read("/p/small.json", text.ToString());
                Assert.True(file.Problem is not null || file.Layers.Count > 0);
            }
        }
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        WeightsFile file = WeightsFileReader.Read("/p/deep.json", new string('[', 100_000) + new string(']', 100_000));
        Assert.Equal(WeightsProblemKind.InvalidJson, file.Problem!.Kind);
        Assert.Contains("nesting deeper than 64", file.Problem.Message);
    }

    private const string RTNeural = """
        { "in_shape": [null, 2], "layers": [
          { "type": "dense", "activation": "relu", "shape": [null, 3], "weights": [[[0.5, -0.25, 1], [0.125, 2, -1.5]], [0.1, 0.2, 0.3]] },
          { "type": "batchnorm", "shape": [null, 3], "epsilon": 0.001, "weights": [[1, 1, 1], [0, 0, 0], [0, 0, 0], [1, 1, 1]] },
          { "type": "dense", "activation": "sigmoid", "shape": [null, 1], "weights": [[[1], [-1], [0.5]], [-0.1]] } ] }
        """;
}
