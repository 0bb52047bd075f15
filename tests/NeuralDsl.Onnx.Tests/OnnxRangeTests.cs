using System;
using System.Collections.Generic;
using Microsoft.ML.OnnxRuntime;
using NeuralDsl;

namespace NeuralDsl.Onnx.Tests;

/// <summary>
/// Each activation over the whole float range, where formulas that agree on [-2, 2] part ways
/// (an overflowing exponential in softplus or softmax, the value at exactly 0 of Step or ReLU):
/// ONNX Runtime's output equals <c>Predict</c>'s within 1e-5 (relative above 1), or both are the same infinity.
/// </summary>
public sealed class OnnxRangeTests
{
    private static readonly float[] Values =
        { -1e4f, -100f, -88.7f, -20f, -1f, -1e-3f, -1e-7f, 0f, 1e-7f, 1e-3f, 1f, 20f, 88.7f, 100f, 1e4f };

    private static readonly Dictionary<string, Func<INetwork>> Networks = new()
    {
        ["Linear"] = () => new RangeLinear(seed: 1),
        ["Sigmoid"] = () => new RangeSigmoid(seed: 1),
        ["Tanh"] = () => new RangeTanh(seed: 1),
        ["ReLU"] = () => new RangeRelu(seed: 1),
        ["LeakyReLU"] = () => new RangeLeakyRelu(seed: 1),
        ["ELU"] = () => new RangeElu(seed: 1),
        ["SELU"] = () => new RangeSelu(seed: 1),
        ["Softplus"] = () => new RangeSoftplus(seed: 1),
        ["PReLU"] = () => new RangePRelu(seed: 1),
        ["Step"] = () => new RangeStep(seed: 1),
        ["Softmax"] = () => new RangeSoftmax(seed: 1),
    };

    public static TheoryData<string> Names() => new(Networks.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Extreme_pre_activations_give_the_same_outputs(string name)
    {
        INetwork network = Networks[name]();
        LayerInfo layer = network.Layers[0];
        Span<float> kernel = network.Parameters.Slice(layer.WeightOffset, layer.Inputs * layer.Units);
        kernel.Clear();
        for (int j = 0; j < layer.Units; j++) kernel[j * layer.Units + j] = 1f;
        network.Parameters.Slice(layer.BiasOffset, layer.Units).Clear();

        // Softmax sees one row at a time: rows of moderate values shifted far up and down.
        float[][] rows = name == "Softmax"
            ? new[] { Shifted(0f), Shifted(1000f), Shifted(-1000f), Values }
            : new[] { Values };
        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(network));
        foreach (float[] row in rows)
        {
            var expected = new float[network.OutputSize];
            network.Predict(row, expected);
            float[] actual = OnnxHarness.Run(session, row, 1, network.InputSize);
            for (int j = 0; j < expected.Length; j++)
            {
                bool same = expected[j] == actual[j]
                    || MathF.Abs(expected[j] - actual[j]) <= 1e-5f * MathF.Max(1f, MathF.Abs(expected[j]));
                Assert.True(same, $"{name}({row[j]}): Predict gives {expected[j]}, ONNX Runtime {actual[j]}");
            }
        }
    }

    private static float[] Shifted(float shift)
    {
        var row = new float[Values.Length];
        for (int j = 0; j < row.Length; j++) row[j] = shift + j * 0.37f - 2f;
        return row;
    }
}
