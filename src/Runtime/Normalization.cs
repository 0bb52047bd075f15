using System;

namespace NeuralDsl;

/// <summary>
/// Batch normalisation kernels called by generated code. Layout: a batch is row-major
/// [batch, units]; statistics are per unit (column).
/// </summary>
public static class Normalization
{
    /// <summary>
    /// Training forward pass: normalises each unit with the batch mean and (biased) variance, writes
    /// <c>xHat</c> and <c>z = gamma * xHat + beta</c>, keeps <c>1 / sqrt(var + eps)</c> per unit in
    /// <paramref name="inverseStdDev"/> for the backward pass, and updates the running statistics
    /// as Keras does, with the unbiased batch variance (as PyTorch and Keras' fused kernel do).
    /// </summary>
    public static void BatchNormTrain(ReadOnlySpan<float> x, int batch, int units,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> runningMean, Span<float> runningVariance,
        float momentum, float epsilon, Span<float> xHat, Span<float> z, Span<float> inverseStdDev)
    {
        if (batch < 2) throw new ArgumentException("BatchNormalization needs at least 2 samples per training batch to estimate a variance.", nameof(batch));
        for (int j = 0; j < units; j++)
        {
            double sum = 0;
            for (int n = 0; n < batch; n++) sum += x[n * units + j];
            double mean = sum / batch;
            double squares = 0;
            for (int n = 0; n < batch; n++)
            {
                double centred = x[n * units + j] - mean;
                squares += centred * centred;
            }
            double inverse = 1.0 / Math.Sqrt(squares / batch + epsilon);
            inverseStdDev[j] = (float)inverse;
            for (int n = 0; n < batch; n++)
            {
                int k = n * units + j;
                float normalised = (float)((x[k] - mean) * inverse);
                xHat[k] = normalised;
                z[k] = gamma[j] * normalised + beta[j];
            }
            runningMean[j] = momentum * runningMean[j] + (1f - momentum) * (float)mean;
            runningVariance[j] = momentum * runningVariance[j] + (1f - momentum) * (float)(squares / (batch - 1));
        }
    }

    /// <summary>
    /// Training backward pass from <paramref name="dZ"/>: adds the gamma and beta gradients, and (when
    /// <paramref name="dX"/> is not empty) writes the input gradient
    /// <c>gamma / (N sigma) (N dZ - sum dZ - xHat sum(dZ xHat))</c>.
    /// </summary>
    public static void BatchNormBackward(ReadOnlySpan<float> dZ, ReadOnlySpan<float> xHat, int batch, int units,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> inverseStdDev, Span<float> dGamma, Span<float> dBeta, Span<float> dX)
    {
        for (int j = 0; j < units; j++)
        {
            double sumD = 0, sumDX = 0;
            for (int n = 0; n < batch; n++)
            {
                int k = n * units + j;
                sumD += dZ[k];
                sumDX += (double)dZ[k] * xHat[k];
            }
            dGamma[j] += (float)sumDX;
            dBeta[j] += (float)sumD;
            if (dX.IsEmpty) continue;
            double factor = gamma[j] * inverseStdDev[j] / (double)batch;
            for (int n = 0; n < batch; n++)
            {
                int k = n * units + j;
                dX[k] = (float)(factor * (batch * (double)dZ[k] - sumD - xHat[k] * sumDX));
            }
        }
    }

    /// <summary>Inference: <c>z = gamma (x - runningMean) / sqrt(runningVariance + eps) + beta</c> for one sample.</summary>
    public static void BatchNormInfer(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVariance, float epsilon, Span<float> z)
    {
        for (int j = 0; j < x.Length; j++)
            z[j] = gamma[j] * (x[j] - runningMean[j]) / MathF.Sqrt(runningVariance[j] + epsilon) + beta[j];
    }
}
