using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>ExactActivations = true computes tanh and sigmoid with the scalar standard functions.</summary>
public class ExactActivationsTests
{
    [Fact]
    public void Exact_network_matches_the_standard_functions_bit_for_bit_and_the_fast_one_within_its_bound()
    {
        var exact = new ExactActivationsNet(seed: 5);
        var fast = new FastActivationsNet(seed: 5);
        Assert.Equal(exact.Parameters.ToArray(), fast.Parameters.ToArray());
        var random = new SeededRandom(9);
        float[] x = new float[9];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextNormal();

        // The same forward pass by hand with MathF.Tanh and the scalar sigmoid, input-major weights.
        ReadOnlySpan<float> p = exact.Parameters;
        float[] h = new float[20];
        for (int j = 0; j < 20; j++)
        {
            float z = p[180 + j];
            for (int i = 0; i < 9; i++) z += x[i] * p[i * 20 + j];
            h[j] = MathF.Tanh(z);
        }
        float[] expected = new float[3], exactOut = new float[3], fastOut = new float[3];
        for (int j = 0; j < 3; j++)
        {
            float z = p[200 + 60 + j];
            for (int i = 0; i < 20; i++) z += h[i] * p[200 + i * 3 + j];
            expected[j] = Activations.Sigmoid(z);
        }
        exact.Predict(x, exactOut);
        fast.Predict(x, fastOut);
        for (int j = 0; j < 3; j++)
        {
            // Same operations in the same order as the generated code up to the sum's rounding.
            Assert.True(Math.Abs(exactOut[j] - expected[j]) <= 1e-6f * Math.Abs(expected[j]), $"exact {exactOut[j]} vs {expected[j]}");
            Assert.True(Math.Abs(fastOut[j] - expected[j]) <= 2e-6f * Math.Abs(expected[j]), $"fast {fastOut[j]} vs {expected[j]}");
        }
        float[] targets = [1f, 0f, 1f];
        Assert.Equal(exact.ComputeLoss(x, targets), exact.ComputeGradients(x, targets), 6);
    }
}
