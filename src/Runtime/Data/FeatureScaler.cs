using System;
using System.Globalization;

namespace NeuralDsl.Data;

/// <summary>
/// A per-feature affine rescaling learnt from training data: <see cref="Fit(ReadOnlySpan{float}, int)"/>
/// on the training set, then <see cref="Transform(Span{float}, int)"/> every set the network sees, and
/// <see cref="InverseTransform(Span{float}, int)"/> to map values back. Transforms work in place on
/// row-major spans ([samples, features]), in double precision, and allocate nothing.
/// </summary>
public abstract class FeatureScaler
{
    // Feature j maps to (x - _center[j]) * _multiplier[j] + Offset.
    private double[] _center = [];
    private double[] _multiplier = [];

    private protected FeatureScaler()
    {
    }

    /// <summary>Features per sample seen by the last fit; 0 before the first.</summary>
    public int FeatureSize { get; private set; }

    /// <summary>Whether <see cref="Fit(ReadOnlySpan{float}, int)"/> has run.</summary>
    public bool IsFitted => FeatureSize > 0;

    /// <summary>The value added after scaling (the low end of a feature range, or 0).</summary>
    private protected virtual double Offset => 0.0;

    /// <summary>Learns each feature's statistics from <paramref name="samples"/>, replacing those of any earlier fit.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="featureSize"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="samples"/> is empty, not a whole number of rows, or holds NaN or infinity.
    /// </exception>
    public void Fit(ReadOnlySpan<float> samples, int featureSize)
    {
        int count = DataGuard.Rows(samples.Length, featureSize, nameof(featureSize), nameof(samples));
        DataGuard.Finite(samples, featureSize, "feature", nameof(samples));
        if (_center.Length != featureSize)
        {
            _center = new double[featureSize];
            _multiplier = new double[featureSize];
        }
        FitCore(samples, featureSize, count, _center, _multiplier);
        FeatureSize = featureSize;
    }

    /// <summary>Learns each feature's statistics from the features of <paramref name="dataset"/>.</summary>
    public void Fit(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Fit(dataset.Features, dataset.FeatureSize);
    }

    /// <summary>Rescales <paramref name="samples"/> in place. Allocates nothing.</summary>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="featureSize"/> differs from the fitted one, or <paramref name="samples"/> is not a whole number of rows.
    /// </exception>
    public void Transform(Span<float> samples, int featureSize)
    {
        CheckShape(samples.Length, featureSize, nameof(samples));
        double offset = Offset;
        for (int row = 0; row < samples.Length; row += featureSize)
        {
            Span<float> values = samples.Slice(row, featureSize);
            for (int j = 0; j < values.Length; j++)
                values[j] = (float)((values[j] - _center[j]) * _multiplier[j] + offset);
        }
    }

    /// <summary>Rescales the features of <paramref name="dataset"/> in place; its targets are untouched.</summary>
    /// <inheritdoc cref="Transform(Span{float}, int)" path="/exception"/>
    public void Transform(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Transform(dataset.WritableFeatures, dataset.FeatureSize);
    }

    /// <summary>Fits on <paramref name="samples"/>, then rescales them in place.</summary>
    /// <inheritdoc cref="Fit(ReadOnlySpan{float}, int)" path="/exception"/>
    public void FitTransform(Span<float> samples, int featureSize)
    {
        Fit(samples, featureSize);
        Transform(samples, featureSize);
    }

    /// <summary>Fits on the features of <paramref name="dataset"/>, then rescales them in place.</summary>
    public void FitTransform(Dataset dataset)
    {
        Fit(dataset);
        Transform(dataset);
    }

    /// <summary>Maps rescaled <paramref name="samples"/> back to the original units, in place. Allocates nothing.</summary>
    /// <inheritdoc cref="Transform(Span{float}, int)" path="/exception"/>
    public void InverseTransform(Span<float> samples, int featureSize)
    {
        CheckShape(samples.Length, featureSize, nameof(samples));
        double offset = Offset;
        for (int row = 0; row < samples.Length; row += featureSize)
        {
            Span<float> values = samples.Slice(row, featureSize);
            for (int j = 0; j < values.Length; j++)
                values[j] = (float)((values[j] - offset) / _multiplier[j] + _center[j]);
        }
    }

    /// <summary>Maps the rescaled features of <paramref name="dataset"/> back to the original units, in place.</summary>
    /// <inheritdoc cref="Transform(Span{float}, int)" path="/exception"/>
    public void InverseTransform(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        InverseTransform(dataset.WritableFeatures, dataset.FeatureSize);
    }

    /// <summary>
    /// Computes the statistics of <paramref name="count"/> finite rows and the affine map of each feature:
    /// <c>(x - center) * multiplier + Offset</c>, with a non-zero multiplier.
    /// </summary>
    private protected abstract void FitCore(ReadOnlySpan<float> samples, int featureSize, int count, Span<double> center, Span<double> multiplier);

    private void CheckShape(int length, int featureSize, string parameterName)
    {
        if (!IsFitted)
            throw new InvalidOperationException($"{GetType().Name} has not been fitted: call Fit on the training data first.");
        if (featureSize != FeatureSize)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The scaler was fitted on {FeatureSize} features per sample but got {featureSize}."),
                nameof(featureSize));
        if (length % featureSize != 0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Expected a multiple of {featureSize} (featureSize) values, one row per sample, but got {length}."),
                parameterName);
    }
}
