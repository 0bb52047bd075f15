using System;
using NeuralDsl.Tests.Behaviour;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Numbers;

/// <summary>
/// PredictBatch computes Predict's function with another summation order in large layers: equal within
/// float rounding, not bit for bit. The test prints how many outputs differ and by how much (the figure
/// docs/reference.md quotes).
/// </summary>
public class PredictBatchAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void Predict_batch_agrees_with_predict_within_float_rounding()
    {
        Compare("MnistMlp 784-128-64-10", new MnistMlp(seed: 1));
        Compare("FusedKernelNet 7-45-150-4", new FusedKernelNet(seed: 1));
        Compare("NanTanhLooped 24-20-2", new NanTanhLooped(seed: 1));
    }

    private void Compare(string name, INetwork net)
    {
        const int Samples = 20;
        var random = new SeededRandom(3);
        float[] inputs = new float[Samples * net.InputSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = random.NextSingle();
        float[] batch = new float[Samples * net.OutputSize], one = new float[net.OutputSize];
        net.PredictBatch(inputs, batch);

        int differing = 0;
        double worst = 0, scale = 0;
        for (int n = 0; n < Samples; n++)
        {
            net.Predict(inputs.AsSpan(n * net.InputSize, net.InputSize), one);
            for (int j = 0; j < net.OutputSize; j++)
            {
                float b = batch[n * net.OutputSize + j];
                if (BitConverter.SingleToInt32Bits(b) != BitConverter.SingleToInt32Bits(one[j])) differing++;
                worst = Math.Max(worst, Math.Abs(b - one[j]));
                scale = Math.Max(scale, Math.Abs(one[j]));
            }
        }
        worst /= scale; // relative to the largest output: outputs near zero would inflate a per-entry ratio
        output.WriteLine($"PredictBatch vs Predict, {name}, {Samples} samples: {differing} of {batch.Length} outputs differ; worst difference {worst:G3} of the largest output");
        Assert.True(worst < 1e-5, $"{name}: worst difference {worst} of the largest output");
    }
}
