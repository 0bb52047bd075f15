using System;
using System.Globalization;

namespace NeuralDsl.Data;

/// <summary>
/// Maps each feature linearly so that the training data's minimum and maximum land on the ends of a
/// feature range, [0, 1] by default (as in scikit-learn's <c>MinMaxScaler</c>). Values outside the
/// training range map outside the feature range. A feature that is constant in the training data is
/// treated as having range 1, so its training value maps to the low end of the feature range.
/// </summary>
/// <example>
/// <code>
/// var scaler = new MinMaxScaler(-1f, 1f);
/// scaler.Fit(train);
/// scaler.Transform(train);
/// scaler.Transform(test);
/// </code>
/// </example>
public sealed class MinMaxScaler : FeatureScaler
{
    private double[] _dataMin = [];
    private double[] _dataMax = [];
    private double[] _scale = [];

    /// <summary>Creates a scaler onto [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentException">The bounds are not finite or <paramref name="min"/> is not below <paramref name="max"/>.</exception>
    public MinMaxScaler(float min = 0f, float max = 1f)
    {
        if (!float.IsFinite(min) || !float.IsFinite(max) || !(min < max))
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The feature range must be finite with its minimum below its maximum, but got [{min}, {max}]."),
                nameof(min));
        FeatureRange = (min, max);
    }

    /// <summary>The range the training data is mapped onto.</summary>
    public (float Min, float Max) FeatureRange { get; }

    /// <summary>Per-feature minimum of the training data; empty before fitting.</summary>
    public ReadOnlySpan<double> DataMin => _dataMin;

    /// <summary>Per-feature maximum of the training data; empty before fitting.</summary>
    public ReadOnlySpan<double> DataMax => _dataMax;

    /// <summary>Per-feature factor: the feature range's width over the data's range (taken as 1 for a constant feature); empty before fitting.</summary>
    public ReadOnlySpan<double> Scale => _scale;

    private protected override double Offset => FeatureRange.Min;

    private protected override void FitCore(ReadOnlySpan<float> samples, int featureSize, int count, Span<double> center, Span<double> multiplier)
    {
        var dataMin = new double[featureSize];
        var dataMax = new double[featureSize];
        var scale = new double[featureSize];
        for (int j = 0; j < featureSize; j++)
        {
            dataMin[j] = samples[j];
            dataMax[j] = samples[j];
        }
        for (int row = featureSize; row < samples.Length; row += featureSize)
            for (int j = 0; j < featureSize; j++)
            {
                double x = samples[row + j];
                if (x < dataMin[j]) dataMin[j] = x;
                if (x > dataMax[j]) dataMax[j] = x;
            }

        double width = (double)FeatureRange.Max - FeatureRange.Min;
        for (int j = 0; j < featureSize; j++)
        {
            double range = dataMax[j] - dataMin[j];
            scale[j] = width / (range == 0.0 ? 1.0 : range);
            center[j] = dataMin[j];
            multiplier[j] = scale[j];
        }

        _dataMin = dataMin;
        _dataMax = dataMax;
        _scale = scale;
    }
}
