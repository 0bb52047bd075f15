using System;

namespace NeuralDsl;

/// <summary>
/// Batch normalisation kernels called by generated code. Statistics, gamma and beta are per channel
/// (Keras' axis -1). A training batch is row-major [rows, channels]: a batch of vectors has one row per
/// sample (every value is a channel), a batch of channels-last images or sequences [batch, positions,
/// channels] has one row per position of each sample, batch x positions rows in all, so that each
/// channel's statistics run over the batch and every position alike.
/// </summary>
public static class Normalization
{
    /// <summary>
    /// Training forward pass: normalises each channel with the mean and (biased) variance over the
    /// <paramref name="rows"/>, writes <c>xHat</c> and <c>z = gamma * xHat + beta</c>, keeps
    /// <c>1 / sqrt(var + eps)</c> per channel in <paramref name="inverseStdDev"/> for the backward pass,
    /// and updates the running statistics as Keras does, with the unbiased variance (as PyTorch and
    /// Keras' fused kernel do).
    /// </summary>
    public static void BatchNormTrain(ReadOnlySpan<float> x, int rows, int channels,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> runningMean, Span<float> runningVariance,
        float momentum, float epsilon, Span<float> xHat, Span<float> z, Span<float> inverseStdDev)
    {
        if (rows < 2) throw new ArgumentException("BatchNormalization needs at least 2 values per channel in a training batch (samples x positions) to estimate a variance.", nameof(rows));
        for (int j = 0; j < channels; j++)
        {
            double sum = 0;
            for (int n = 0; n < rows; n++) sum += x[n * channels + j];
            double mean = sum / rows;
            double squares = 0;
            for (int n = 0; n < rows; n++)
            {
                double centred = x[n * channels + j] - mean;
                squares += centred * centred;
            }
            double inverse = 1.0 / Math.Sqrt(squares / rows + epsilon);
            inverseStdDev[j] = (float)inverse;
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + j;
                float normalised = (float)((x[k] - mean) * inverse);
                xHat[k] = normalised;
                z[k] = gamma[j] * normalised + beta[j];
            }
            runningMean[j] = momentum * runningMean[j] + (1f - momentum) * (float)mean;
            runningVariance[j] = momentum * runningVariance[j] + (1f - momentum) * (float)(squares / (rows - 1));
        }
    }

    /// <summary>
    /// Training backward pass from <paramref name="dZ"/> (rows as in <see cref="BatchNormTrain"/>): adds
    /// the gamma and beta gradients, and (when <paramref name="dX"/> is not empty) writes the input gradient
    /// <c>gamma / (N sigma) (N dZ - sum dZ - xHat sum(dZ xHat))</c>, N being the rows, the sums over them.
    /// </summary>
    public static void BatchNormBackward(ReadOnlySpan<float> dZ, ReadOnlySpan<float> xHat, int rows, int channels,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> inverseStdDev, Span<float> dGamma, Span<float> dBeta, Span<float> dX)
    {
        for (int j = 0; j < channels; j++)
        {
            double sumD = 0, sumDX = 0;
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + j;
                sumD += dZ[k];
                sumDX += (double)dZ[k] * xHat[k];
            }
            dGamma[j] += (float)sumDX;
            dBeta[j] += (float)sumD;
            if (dX.IsEmpty) continue;
            double factor = gamma[j] * inverseStdDev[j] / (double)rows;
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + j;
                dX[k] = (float)(factor * (rows * (double)dZ[k] - sumD - xHat[k] * sumDX));
            }
        }
    }

    /// <summary>
    /// Inference for one sample: <c>z = gamma (x - runningMean) / sqrt(runningVariance + eps) + beta</c>,
    /// channel by channel; <paramref name="x"/> holds one or more positions of <c>gamma.Length</c> channels each.
    /// </summary>
    public static void BatchNormInfer(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVariance, float epsilon, Span<float> z)
    {
        int channels = gamma.Length;
        if (channels == 0 || x.Length % channels != 0)
            throw new ArgumentException($"The sample's {x.Length} values are not whole positions of {channels} channels.", nameof(x));
        for (int start = 0; start < x.Length; start += channels)
        {
            for (int j = 0; j < channels; j++)
                z[start + j] = gamma[j] * (x[start + j] - runningMean[j]) / MathF.Sqrt(runningVariance[j] + epsilon) + beta[j];
        }
    }
}
