using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>12 tanh units (a vector block and four scalar units), 9 ReLU units (a block and one), linear output: every layer unrolled.</summary>
[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.Tanh)]
[Dense(9, Activation.ReLU)]
[Dense(2, Activation.Linear)]
public partial class FusedNet;

/// <summary>
/// Predict applies small dense layers' activations in registers before the store; PredictBatch and
/// training apply them to the stored pre-activations. Both must give the same values, and the right ones.
/// </summary>
public class FusedActivationTests
{
    [Fact]
    public void Predict_matches_predict_batch_bit_for_bit_and_a_scalar_reference()
    {
        var net = new FusedNet(seed: 4);
        const int Samples = 40;
        var random = new SeededRandom(9);
        float[] inputs = new float[Samples * FusedNet.InputSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = 4f * random.NextSingle() - 2f;
        float[] batch = new float[Samples * FusedNet.OutputSize];
        net.PredictBatch(inputs, batch);

        float[] one = new float[FusedNet.OutputSize];
        for (int n = 0; n < Samples; n++)
        {
            ReadOnlySpan<float> x = inputs.AsSpan(n * FusedNet.InputSize, FusedNet.InputSize);
            net.Predict(x, one);
            Assert.Equal(batch.AsSpan(n * FusedNet.OutputSize, FusedNet.OutputSize).ToArray(), one);
            double[] expected = Reference(net.Parameters, x);
            for (int j = 0; j < one.Length; j++)
                Assert.True(Math.Abs(one[j] - expected[j]) <= 1e-5 * (1 + Math.Abs(expected[j])), $"sample {n}, output {j}: {one[j]} vs {expected[j]}");
        }
    }

    // The same network in double precision, from the input-major weights.
    private static double[] Reference(ReadOnlySpan<float> p, ReadOnlySpan<float> x)
    {
        double[] h1 = Dense(p, FusedNet.Layer0WeightOffset, FusedNet.Layer0BiasOffset, Array.ConvertAll(x.ToArray(), v => (double)v), 12, Math.Tanh);
        double[] h2 = Dense(p, FusedNet.Layer1WeightOffset, FusedNet.Layer1BiasOffset, h1, 9, z => Math.Max(z, 0));
        return Dense(p, FusedNet.Layer2WeightOffset, FusedNet.Layer2BiasOffset, h2, 2, z => z);
    }

    private static double[] Dense(ReadOnlySpan<float> p, int weights, int biases, double[] x, int units, Func<double, double> activation)
    {
        double[] a = new double[units];
        for (int j = 0; j < units; j++)
        {
            double z = p[biases + j];
            for (int i = 0; i < x.Length; i++) z += p[weights + i * units + j] * x[i];
            a[j] = activation(z);
        }
        return a;
    }
}
