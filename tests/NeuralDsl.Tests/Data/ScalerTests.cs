using System;
using NeuralDsl.Data;

namespace NeuralDsl.Tests.Data;

/// <summary>The scalers against scikit-learn, their round trips and their misuse errors.</summary>
public class ScalerTests
{
    private static readonly DataReference Reference = DataReference.Load();

    // Relative 1e-6. The floor keeps values that should be 0 comparable: sklearn's float64 mean of a constant
    // column can miss it by an ulp, and a float32 round trip through a scaled value near 0 misses 0 by
    // about 1e-7 of the feature's spread.
    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what, double floor = 1e-6)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-6 * Math.Max(Math.Abs(expected[i]), floor);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance,
                $"{what}[{i}]: expected {expected[i]:R} but got {actual[i]:R}.");
        }
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, string what, double floor = 1e-6)
    {
        var widened = new double[actual.Length];
        for (int i = 0; i < actual.Length; i++) widened[i] = actual[i];
        AssertClose(expected, widened, what, floor);
    }

    private static void CheckAgainstReference(FeatureScaler scaler, string section)
    {
        float[] train = Reference.Train, other = Reference.Other;
        scaler.Fit(train, Reference.Columns);
        scaler.Transform(train, Reference.Columns);
        scaler.Transform(other, Reference.Columns);
        AssertClose(Reference.Doubles(section, "train"), train, section + " train");
        AssertClose(Reference.Doubles(section, "other"), other, section + " other");
    }

    [Fact]
    public void Standard_scaler_matches_sklearn()
    {
        var scaler = new StandardScaler();
        CheckAgainstReference(scaler, "standard");
        AssertClose(Reference.Doubles("standard", "mean_"), scaler.Mean, "mean_");
        AssertClose(Reference.Doubles("standard", "var_"), scaler.Variance, "var_");
        AssertClose(Reference.Doubles("standard", "scale_"), scaler.Scale, "scale_");
    }

    [Fact]
    public void Standard_scaler_gives_a_constant_feature_scale_one()
    {
        var scaler = new StandardScaler();
        scaler.Fit(Reference.Train, Reference.Columns);
        Assert.Equal(1.0, scaler.Scale[1]);
        Assert.Equal(0.0, scaler.Variance[1]);
        Assert.Equal((double)0.1f, scaler.Mean[1]);
    }

    [Fact]
    public void Min_max_scaler_matches_sklearn()
    {
        var scaler = new MinMaxScaler();
        CheckAgainstReference(scaler, "min_max");
        Assert.Equal((0f, 1f), scaler.FeatureRange);
        AssertClose(Reference.Doubles("min_max", "data_min_"), scaler.DataMin, "data_min_");
        AssertClose(Reference.Doubles("min_max", "data_max_"), scaler.DataMax, "data_max_");
        AssertClose(Reference.Doubles("min_max", "scale_"), scaler.Scale, "scale_");
    }

    [Fact]
    public void Min_max_scaler_with_a_custom_range_matches_sklearn()
    {
        var scaler = new MinMaxScaler(-1f, 2f);
        CheckAgainstReference(scaler, "min_max_wide");
        AssertClose(Reference.Doubles("min_max_wide", "scale_"), scaler.Scale, "scale_");
    }

    [Fact]
    public void Min_max_scaler_maps_a_constant_feature_to_the_low_end()
    {
        float[] train = Reference.Train;
        var scaler = new MinMaxScaler(-1f, 2f);
        scaler.FitTransform(train, Reference.Columns);
        for (int row = 0; row < train.Length; row += Reference.Columns) Assert.Equal(-1f, train[row + 1]);
    }

    public static TheoryData<string> Scalers => ["standard", "min_max", "min_max_wide"];

    private static FeatureScaler Create(string name) => name switch
    {
        "standard" => new StandardScaler(),
        "min_max" => new MinMaxScaler(),
        _ => new MinMaxScaler(-1f, 2f),
    };

    [Theory]
    [MemberData(nameof(Scalers))]
    public void Inverse_transform_round_trips(string name)
    {
        FeatureScaler scaler = Create(name);
        float[] original = Reference.Other, values = Reference.Other;
        scaler.Fit(Reference.Train, Reference.Columns);
        scaler.Transform(values, Reference.Columns);
        Assert.NotEqual(original, values);
        scaler.InverseTransform(values, Reference.Columns);
        var expected = new double[original.Length];
        for (int i = 0; i < original.Length; i++) expected[i] = original[i];
        AssertClose(expected, values, name + " round trip", floor: 1.0);
    }

    [Theory]
    [MemberData(nameof(Scalers))]
    public void Dataset_overloads_scale_features_only(string name)
    {
        float[] train = Reference.Train;
        var targets = new float[train.Length / Reference.Columns];
        for (int i = 0; i < targets.Length; i++) targets[i] = i;
        var data = new Dataset(train, Reference.Columns, targets, 1);

        FeatureScaler scaler = Create(name);
        scaler.FitTransform(data);
        AssertClose(Reference.Doubles(name, "train"), data.Features, name);
        Assert.Equal(targets, data.Targets.ToArray());

        scaler.InverseTransform(data);
        var expected = new double[train.Length];
        for (int i = 0; i < train.Length; i++) expected[i] = train[i];
        AssertClose(expected, data.Features, name + " round trip", floor: 1.0);
    }

    [Theory]
    [MemberData(nameof(Scalers))]
    public void Transform_before_fit_throws(string name)
    {
        FeatureScaler scaler = Create(name);
        Assert.False(scaler.IsFitted);
        float[] values = [1, 2];
        var e = Assert.Throws<InvalidOperationException>(() => scaler.Transform(values, 2));
        Assert.Contains("has not been fitted: call Fit on the training data first.", e.Message);
        Assert.Throws<InvalidOperationException>(() => scaler.InverseTransform(values, 2));
        Assert.Equal([1f, 2], values);
    }

    [Theory]
    [MemberData(nameof(Scalers))]
    public void Wrong_feature_count_throws(string name)
    {
        FeatureScaler scaler = Create(name);
        scaler.Fit(Reference.Train, Reference.Columns);
        var e = Assert.Throws<ArgumentException>(() => scaler.Transform(new float[6], 3));
        Assert.Equal("featureSize", e.ParamName);
        Assert.StartsWith("The scaler was fitted on 4 features per sample but got 3.", e.Message);
        Assert.Throws<ArgumentException>(() => scaler.InverseTransform(new float[6], 3));
        var ragged = Assert.Throws<ArgumentException>(() => scaler.Transform(new float[6], 4));
        Assert.StartsWith("Expected a multiple of 4 (featureSize) values", ragged.Message);

        var wide = new Dataset(new float[10], 5, new float[2], 1);
        Assert.Throws<ArgumentException>(() => scaler.Transform(wide));
    }

    [Fact]
    public void Fit_rejects_bad_data_and_keeps_the_previous_fit()
    {
        var scaler = new StandardScaler();
        scaler.Fit([1, 2, 3, 5], 2);
        double[] mean = scaler.Mean.ToArray();

        var nan = Assert.Throws<ArgumentException>(() => scaler.Fit([1, 2, 3, float.NaN], 2));
        Assert.StartsWith("Sample 1, feature column 1 is NaN", nan.Message);
        Assert.StartsWith("The data is empty", Assert.Throws<ArgumentException>(() => scaler.Fit([], 2)).Message);
        Assert.Throws<ArgumentException>(() => scaler.Fit([1, 2, 3], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => scaler.Fit([1, 2], 0));

        Assert.Equal(mean, scaler.Mean.ToArray());
        Assert.Equal(2, scaler.FeatureSize);
    }

    [Theory]
    [InlineData(1f, 1f)]
    [InlineData(2f, 1f)]
    [InlineData(float.NaN, 1f)]
    [InlineData(0f, float.PositiveInfinity)]
    public void Min_max_range_must_be_increasing_and_finite(float min, float max)
    {
        var e = Assert.Throws<ArgumentException>(() => new MinMaxScaler(min, max));
        Assert.StartsWith("The feature range must be finite with its minimum below its maximum", e.Message);
    }

    [Theory]
    [MemberData(nameof(Scalers))]
    public void Transforms_allocate_nothing(string name)
    {
        FeatureScaler scaler = Create(name);
        float[] values = Reference.Train;
        scaler.Fit(values, Reference.Columns);
        Assert.Equal(0, Allocations.PerRound(() =>
        {
            scaler.Transform(values, Reference.Columns);
            scaler.InverseTransform(values, Reference.Columns);
        }));
    }
}
