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
    // Channels are processed in blocks of this many, each block in row-major sweeps over the rows, so
    // that an image's many rows of few channels are read in order; each channel still sums its rows in
    // order, so the results do not depend on the block size.
    private const int ChannelBlock = 64;

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
        Span<double> means = stackalloc double[ChannelBlock], spreads = stackalloc double[ChannelBlock];
        for (int first = 0; first < channels; first += ChannelBlock)
        {
            int width = Math.Min(ChannelBlock, channels - first);
            Span<double> mean = means.Slice(0, width), spread = spreads.Slice(0, width);
            mean.Clear();
            spread.Clear();
            for (int n = 0; n < rows; n++)
            {
                ReadOnlySpan<float> row = x.Slice(n * channels + first, width);
                for (int c = 0; c < width; c++) mean[c] += row[c];
            }
            for (int c = 0; c < width; c++) mean[c] /= rows;
            for (int n = 0; n < rows; n++)
            {
                ReadOnlySpan<float> row = x.Slice(n * channels + first, width);
                for (int c = 0; c < width; c++)
                {
                    double centred = row[c] - mean[c];
                    spread[c] += centred * centred;
                }
            }
            for (int c = 0; c < width; c++)
            {
                int j = first + c;
                double squares = spread[c];
                runningMean[j] = momentum * runningMean[j] + (1f - momentum) * (float)mean[c];
                runningVariance[j] = momentum * runningVariance[j] + (1f - momentum) * (float)(squares / (rows - 1));
                spread[c] = 1.0 / Math.Sqrt(squares / rows + epsilon);
                inverseStdDev[j] = (float)spread[c];
            }
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + first;
                for (int c = 0; c < width; c++)
                {
                    float normalised = (float)((x[k + c] - mean[c]) * spread[c]);
                    xHat[k + c] = normalised;
                    z[k + c] = gamma[first + c] * normalised + beta[first + c];
                }
            }
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
        Span<double> sumsD = stackalloc double[ChannelBlock], sumsDX = stackalloc double[ChannelBlock], factors = stackalloc double[ChannelBlock];
        for (int first = 0; first < channels; first += ChannelBlock)
        {
            int width = Math.Min(ChannelBlock, channels - first);
            Span<double> sumD = sumsD.Slice(0, width), sumDX = sumsDX.Slice(0, width);
            sumD.Clear();
            sumDX.Clear();
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + first;
                for (int c = 0; c < width; c++)
                {
                    sumD[c] += dZ[k + c];
                    sumDX[c] += (double)dZ[k + c] * xHat[k + c];
                }
            }
            for (int c = 0; c < width; c++)
            {
                dGamma[first + c] += (float)sumDX[c];
                dBeta[first + c] += (float)sumD[c];
            }
            if (dX.IsEmpty) continue;
            Span<double> factor = factors.Slice(0, width);
            for (int c = 0; c < width; c++) factor[c] = gamma[first + c] * inverseStdDev[first + c] / (double)rows;
            for (int n = 0; n < rows; n++)
            {
                int k = n * channels + first;
                for (int c = 0; c < width; c++)
                    dX[k + c] = (float)(factor[c] * (rows * (double)dZ[k + c] - sumD[c] - xHat[k + c] * sumDX[c]));
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
