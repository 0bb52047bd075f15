using System;
using System.Linq;

namespace NeuralDsl.Tests.Convolution;

/// <summary>
/// <see cref="Normalization"/>'s kernels on more channels than one block of the row-major sweep holds,
/// against the textbook formulas in double precision, channel by channel.
/// </summary>
public class NormalizationKernelTests
{
    [Theory]
    [InlineData(5, 70)]
    [InlineData(3, 129)]
    [InlineData(40, 3)]
    public void Train_and_backward_match_the_formulas_on_every_channel(int rows, int channels)
    {
        var random = new SeededRandom(rows * 1000 + channels);
        float[] x = Draw(ref random, rows * channels), dz = Draw(ref random, rows * channels);
        float[] gamma = Draw(ref random, channels).Select(v => 1f + 0.3f * v).ToArray(), beta = Draw(ref random, channels);
        float[] mean = Draw(ref random, channels), variance = Draw(ref random, channels).Select(v => 0.5f + v * v).ToArray();
        float[] startMean = mean.ToArray(), startVariance = variance.ToArray();
        float[] xHat = new float[x.Length], z = new float[x.Length], inverse = new float[channels];
        float[] dGamma = new float[channels], dBeta = new float[channels], dx = new float[x.Length];

        Normalization.BatchNormTrain(x, rows, channels, gamma, beta, mean, variance, 0.8f, 1e-3f, xHat, z, inverse);
        Normalization.BatchNormBackward(dz, xHat, rows, channels, gamma, inverse, dGamma, dBeta, dx);

        for (int c = 0; c < channels; c++)
        {
            double[] values = Enumerable.Range(0, rows).Select(n => (double)x[n * channels + c]).ToArray();
            double m = values.Average(), biased = values.Sum(v => (v - m) * (v - m)) / rows, s = Math.Sqrt(biased + 1e-3);
            Close(0.8 * startMean[c] + 0.2 * m, mean[c], $"running mean {c}");
            Close(0.8 * startVariance[c] + 0.2 * biased * rows / (rows - 1), variance[c], $"running variance {c}");
            double[] hat = values.Select(v => (v - m) / s).ToArray();
            double sumD = 0, sumDHat = 0;
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + c;
                Close(gamma[c] * hat[n] + beta[c], z[k], $"z[{n}, {c}]");
                sumD += dz[k];
                sumDHat += dz[k] * hat[n];
            }
            Close(sumDHat, dGamma[c], $"dGamma {c}");
            Close(sumD, dBeta[c], $"dBeta {c}");
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + c;
                Close(gamma[c] / (rows * s) * (rows * dz[k] - sumD - hat[n] * sumDHat), dx[k], $"dx[{n}, {c}]");
            }
        }
    }

    [Fact]
    public void Inference_reads_every_position_with_its_channel()
    {
        float[] gamma = [2f, -1f], beta = [0.5f, 0f], mean = [1f, -2f], variance = [3f, 0.25f];
        float[] x = [1f, 2f, 3f, 4f, -1f, 0f], z = new float[6];
        Normalization.BatchNormInfer(x, gamma, beta, mean, variance, 1e-3f, z);
        for (int k = 0; k < x.Length; k++)
        {
            int c = k % 2;
            Close(gamma[c] * (x[k] - mean[c]) / Math.Sqrt(variance[c] + 1e-3f) + beta[c], z[k], $"z[{k}]");
        }
        Assert.Throws<ArgumentException>(() => Normalization.BatchNormInfer(x.AsSpan(0, 5), gamma, beta, mean, variance, 1e-3f, z));
    }

    private static float[] Draw(ref SeededRandom random, int count)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)random.NextNormal();
        return values;
    }

    private static void Close(double expected, float actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"{what}: {actual}, expected {expected}");
}
