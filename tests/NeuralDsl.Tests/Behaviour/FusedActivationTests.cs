using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>12 tanh units (a vector block and four scalar units), 9 ReLU units (a block and one), linear output: every layer unrolled.</summary>
[Network(Inputs = 5, Loss = Loss.MeanSquaredError)]
[Dense(12, Activation.Tanh)]
[Dense(9, Activation.ReLU)]
[Dense(2, Activation.Linear)]
public partial class FusedNet;

/// <summary>45 tanh units and 150 ReLU units (every block width of the kernel, and scalar units): every layer looped.</summary>
[Network(Inputs = 7, Loss = Loss.MeanSquaredError)]
[Dense(45, Activation.Tanh)]
[Dense(150, Activation.ReLU)]
[Dense(4, Activation.Linear)]
public partial class FusedKernelNet;

/// <summary>
/// Predict applies hidden dense layers' activations in registers before the store; PredictBatch and
/// training apply them to the stored pre-activations. Both must give the same values, and the right ones.
/// </summary>
public class FusedActivationTests
{
    [Fact]
    public void Unrolled_layers_match_predict_batch_bit_for_bit_and_a_scalar_reference() =>
        Check(new FusedNet(seed: 4), [12, 9, 2], [FusedNet.Layer0WeightOffset, FusedNet.Layer1WeightOffset, FusedNet.Layer2WeightOffset]);

    [Fact]
    public void Kernel_layers_match_the_unfused_kernel_bit_for_bit_and_a_scalar_reference() =>
        Check(new FusedKernelNet(seed: 4), [45, 150, 4], [FusedKernelNet.Layer0WeightOffset, FusedKernelNet.Layer1WeightOffset, FusedKernelNet.Layer2WeightOffset], unfusedKernels: true);

    private static void Check(INetwork net, int[] units, int[] weightOffsets, bool unfusedKernels = false)
    {
        const int Samples = 40;
        var random = new SeededRandom(9);
        float[] inputs = new float[Samples * net.InputSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = 4f * random.NextSingle() - 2f;
        float[] batch = new float[Samples * net.OutputSize];
        // The batch kernel sums in another order than the single-sample one, so looped layers are
        // compared with the single-sample kernel followed by the span activation instead.
        if (unfusedKernels) Unfused(net.Parameters, inputs, batch, units, weightOffsets);
        else net.PredictBatch(inputs, batch);

        float[] one = new float[net.OutputSize];
        for (int n = 0; n < Samples; n++)
        {
            ReadOnlySpan<float> x = inputs.AsSpan(n * net.InputSize, net.InputSize);
            net.Predict(x, one);
            Assert.Equal(batch.AsSpan(n * net.OutputSize, net.OutputSize).ToArray(), one);
            double[] expected = Reference(net.Parameters, x, units, weightOffsets);
            for (int j = 0; j < one.Length; j++)
                Assert.True(Math.Abs(one[j] - expected[j]) <= 1e-5 * (1 + Math.Abs(expected[j])), $"sample {n}, output {j}: {one[j]} vs {expected[j]}");
        }
    }

    private static void Unfused(ReadOnlySpan<float> p, float[] inputs, float[] outputs, int[] units, int[] weightOffsets)
    {
        int inputSize = inputs.Length / (outputs.Length / units[^1]);
        for (int n = 0; n < outputs.Length / units[^1]; n++)
        {
            float[] x = inputs.AsSpan(n * inputSize, inputSize).ToArray();
            for (int layer = 0; layer < units.Length; layer++)
            {
                int weights = weightOffsets[layer], count = x.Length * units[layer];
                float[] z = new float[units[layer]];
                DenseKernels.Forward(p.Slice(weights, count), p.Slice(weights + count, z.Length), x, z);
                if (layer == 0) Activations.Tanh(z, z);
                if (layer == 1) Activations.ReLU(z, z);
                x = z;
            }
            x.CopyTo(outputs, n * x.Length);
        }
    }

    // The same network in double precision from the input-major weights: tanh, ReLU, linear.
    private static double[] Reference(ReadOnlySpan<float> p, ReadOnlySpan<float> input, int[] units, int[] weightOffsets)
    {
        Func<double, double>[] activations = [Math.Tanh, z => Math.Max(z, 0), z => z];
        double[] x = Array.ConvertAll(input.ToArray(), v => (double)v);
        for (int layer = 0; layer < units.Length; layer++)
        {
            int weights = weightOffsets[layer], biases = weights + x.Length * units[layer];
            double[] a = new double[units[layer]];
            for (int j = 0; j < a.Length; j++)
            {
                double z = p[biases + j];
                for (int i = 0; i < x.Length; i++) z += p[weights + i * a.Length + j] * x[i];
                a[j] = activations[layer](z);
            }
            x = a;
        }
        return x;
    }
}
