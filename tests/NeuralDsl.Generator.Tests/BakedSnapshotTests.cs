using NeuralDsl.Generator.Tests.Infrastructure;

namespace NeuralDsl.Generator.Tests;

/// <summary>The generated code of a network with compiled-in weights, against its checked-in baseline.</summary>
public class BakedSnapshotTests
{
    [Fact]
    public void Baked_with_state_and_slopes()
    {
        const string json = """
            {
              "format": "neuraldsl.weights",
              "version": 1,
              "inputs": 2,
              "layers": [
                { "kind": "Dense", "inputs": 2, "units": 3, "activation": "Tanh",
                  "weights": [[0.5, -0.25, 1], [0.125, 2, -1.5]], "biases": [0.1, 0.2, 0.3] },
                { "kind": "BatchNormalization", "inputs": 3, "units": 3, "activation": "Linear",
                  "gamma": [1.5, 0.75, 1], "beta": [0, -0.5, 0.25], "mean": [0.1, -0.1, 0], "variance": [1, 2, 0.5] },
                { "kind": "Dense", "inputs": 3, "units": 2, "activation": "PReLU",
                  "weights": [[1, 0.5], [-1, 0.25], [0.5, -2]], "biases": [-0.1, 0.1], "slopes": [0.2, 0.3] }
              ]
            }
            """;
        MarkupResult result = DiagnosticMarkup.Verify("""
            using NeuralDsl;

            namespace Samples;

            /// <summary>Tanh, batch normalisation and PReLU, with weights compiled in.</summary>
            [Network(Inputs = 2, Weights = "Models/small.weights.json")]
            [Dense(3, Activation.Tanh)]
            [BatchNormalization]
            [Dense(2, Activation.PReLU)]
            public partial class BakedNet;
            """, InMemoryAdditionalText.Files(("Models/small.weights.json", json)));
        GeneratorHarness.AssertEmitsCleanly(result.Run.Output);
        Snapshot.Match(result.Run.SingleSource);
    }
}
