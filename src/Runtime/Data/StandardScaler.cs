using System;

namespace NeuralDsl.Data;

/// <summary>
/// Standardises each feature to zero mean and unit variance: <c>(x - mean) / scale</c>, where scale is the
/// population standard deviation of the training data (as in scikit-learn's <c>StandardScaler</c>). A
/// feature that is constant in the training data gets scale 1, so it maps to 0 instead of dividing by zero.
/// </summary>
/// <example>
/// <code>
/// var scaler = new StandardScaler();
/// scaler.FitTransform(train);   // learn mean and scale from the training set only
/// scaler.Transform(test);       // apply the same mapping to data the network must not learn from
/// </code>
/// </example>
public sealed class StandardScaler : FeatureScaler
{
    private double[] _mean = [];
    private double[] _variance = [];
    private double[] _scale = [];

    /// <summary>Per-feature mean of the training data; empty before fitting.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>Per-feature population variance of the training data; empty before fitting.</summary>
    public ReadOnlySpan<double> Variance => _variance;

    /// <summary>Per-feature divisor: the population standard deviation, or 1 for a constant feature; empty before fitting.</summary>
    public ReadOnlySpan<double> Scale => _scale;

    private protected override void FitCore(ReadOnlySpan<float> samples, int featureSize, int count, Span<double> center, Span<double> multiplier)
    {
        var mean = new double[featureSize];
        var variance = new double[featureSize];
        var scale = new double[featureSize];

        for (int row = 0; row < samples.Length; row += featureSize)
            for (int j = 0; j < featureSize; j++)
                mean[j] += samples[row + j];
        for (int j = 0; j < featureSize; j++)
            mean[j] /= count;

        // Two passes: the sum of squared deviations does not cancel catastrophically like E[x²] - E[x]².
        for (int row = 0; row < samples.Length; row += featureSize)
            for (int j = 0; j < featureSize; j++)
            {
                double deviation = samples[row + j] - mean[j];
                variance[j] += deviation * deviation;
            }

        for (int j = 0; j < featureSize; j++)
        {
            if (IsConstant(samples, featureSize, j))
            {
                // Summing n copies of x and dividing by n can miss x by an ulp; a constant is its own mean.
                mean[j] = samples[j];
                variance[j] = 0.0;
                scale[j] = 1.0;
            }
            else
            {
                variance[j] /= count;
                scale[j] = Math.Sqrt(variance[j]);
            }
            center[j] = mean[j];
            multiplier[j] = 1.0 / scale[j];
        }

        _mean = mean;
        _variance = variance;
        _scale = scale;
    }

    private static bool IsConstant(ReadOnlySpan<float> samples, int featureSize, int column)
    {
        float first = samples[column];
        for (int i = column + featureSize; i < samples.Length; i += featureSize)
            if (samples[i] != first) return false;
        return true;
    }
}
