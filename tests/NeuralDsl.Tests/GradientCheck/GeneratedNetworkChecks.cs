using System;

namespace NeuralDsl.Tests.GradientCheck;

/// <summary>
/// The two checks every family of generated networks gets (convolution, recurrent): the gradient against
/// central differences of <see cref="ReferenceNetwork"/> over three random networks, and Predict and
/// PredictBatch against its outputs.
/// </summary>
internal static class GeneratedNetworkChecks
{
    /// <summary>The worst relative gradient error over seeds 1, 2 and 3 of <paramref name="prepared"/> (each entry within 1e-3).</summary>
    public static double WorstGradientError(string name, GradientCheckCase check, Func<int, (ITrainableNetwork Net, float[] Inputs, float[] Targets)> prepared)
    {
        double worst = 0;
        foreach (int seed in new[] { 1, 2, 3 })
        {
            (ITrainableNetwork net, float[] inputs, float[] targets) = prepared(seed);
            (double gradientError, _) = GradientCheckTests.Check($"{name} seed {seed}", net, check, inputs, targets, 1e-3);
            worst = Math.Max(worst, gradientError);
        }
        return worst;
    }

    /// <summary>Predict of each sample within 1e-5 of the reference, and PredictBatch equal to Predict.</summary>
    public static void PredictionsMatchTheReference(string name, ITrainableNetwork net, float[] inputs)
    {
        int batch = inputs.Length / net.InputSize;
        double[] p = Array.ConvertAll(net.Parameters.ToArray(), v => (double)v);
        double[][] expected = ReferenceNetwork.Forward(net.Layers, p, inputs);
        float[] all = new float[batch * net.OutputSize], single = new float[net.OutputSize];
        net.PredictBatch(inputs, all);
        for (int n = 0; n < batch; n++)
        {
            net.Predict(inputs.AsSpan(n * net.InputSize, net.InputSize), single);
            for (int j = 0; j < net.OutputSize; j++)
            {
                double tolerance = 1e-5 * Math.Max(1, Math.Abs(expected[n][j]));
                Assert.True(Math.Abs(single[j] - expected[n][j]) <= tolerance, $"{name} sample {n} output {j}: Predict {single[j]}, reference {expected[n][j]}");
                Assert.Equal(single[j], all[n * net.OutputSize + j]);
            }
        }
    }
}
