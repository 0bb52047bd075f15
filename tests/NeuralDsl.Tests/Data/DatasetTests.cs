using System;
using NeuralDsl.Data;

namespace NeuralDsl.Tests.Data;

/// <summary>Construction checks everything before copying, with messages that say what and where.</summary>
public class DatasetTests
{
    [Fact]
    public void Copies_the_data_and_reports_its_shape()
    {
        float[] features = [1, 2, 3, 4, 5, 6], targets = [0, 1, 1];
        var data = new Dataset(features, 2, targets, 1);
        features[0] = 99;
        targets[0] = 99;

        Assert.Equal(3, data.Count);
        Assert.Equal(2, data.FeatureSize);
        Assert.Equal(1, data.TargetSize);
        Assert.Equal([1f, 2, 3, 4, 5, 6], data.Features.ToArray());
        Assert.Equal([0f, 1, 1], data.Targets.ToArray());
    }

    [Fact]
    public void Empty_dataset_throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset([], 2, [], 1));
        Assert.Equal("features", e.ParamName);
        Assert.StartsWith("The data is empty: it needs at least one sample.", e.Message);
    }

    [Fact]
    public void Feature_length_not_a_multiple_of_the_feature_size_throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3, 4, 5], 2, [0, 1], 1));
        Assert.Equal("features", e.ParamName);
        Assert.StartsWith("Expected a multiple of 2 (featureSize) values, one row per sample, but got 5.", e.Message);
    }

    [Fact]
    public void Target_length_not_a_multiple_of_the_target_size_throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3, 4], 2, [0, 1, 0], 2));
        Assert.Equal("targets", e.ParamName);
        Assert.StartsWith("Expected a multiple of 2 (targetSize) values, one row per sample, but got 3.", e.Message);
    }

    [Fact]
    public void Sample_count_mismatch_names_both_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3, 4, 5, 6], 2, [0, 1], 1));
        Assert.Equal("targets", e.ParamName);
        Assert.StartsWith("The features hold 3 samples but the targets hold 2.", e.Message);
    }

    [Theory]
    [InlineData(0, 1, "featureSize")]
    [InlineData(-1, 1, "featureSize")]
    [InlineData(2, 0, "targetSize")]
    public void Row_sizes_must_be_positive(int featureSize, int targetSize, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset([1, 2], featureSize, [0, 1], targetSize));
        Assert.Equal(parameter, e.ParamName);
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Non_finite_feature_names_sample_and_column(float bad, string shown)
    {
        float[] features = [1, 2, 3, 4, 5, 6];
        features[5] = bad;
        var e = Assert.Throws<ArgumentException>(() => new Dataset(features, 3, [0, 1], 1));
        Assert.Equal("features", e.ParamName);
        Assert.StartsWith($"Sample 1, feature column 2 is {shown}; data must be finite (no NaN or infinity).", e.Message);
    }

    [Fact]
    public void Non_finite_target_names_sample_and_column()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3], 1, [0, 1, 1, 0, float.NaN, 1], 2));
        Assert.Equal("targets", e.ParamName);
        Assert.StartsWith("Sample 2, target column 0 is NaN; data must be finite (no NaN or infinity).", e.Message);
    }

    [Fact]
    public void Shape_is_checked_before_values()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset([float.NaN, 2, 3], 1, [0, 1], 1));
        Assert.StartsWith("The features hold 3 samples but the targets hold 2.", e.Message);
    }

    [Fact]
    public void Rectangular_arrays_convert_row_major()
    {
        var data = new Dataset(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, new float[,] { { 1, 0 }, { 0, 1 }, { 1, 0 } });
        Assert.Equal((3, 2, 2), (data.Count, data.FeatureSize, data.TargetSize));
        Assert.Equal([1f, 2, 3, 4, 5, 6], data.Features.ToArray());
        Assert.Equal([1f, 0, 0, 1, 1, 0], data.Targets.ToArray());

        var sparse = new Dataset(new float[,] { { 1, 2 }, { 3, 4 } }, new float[] { 1, 0 });
        Assert.Equal(1, sparse.TargetSize);
        Assert.Equal([1f, 0], sparse.Targets.ToArray());
    }

    [Fact]
    public void Rectangular_arrays_are_validated_like_spans()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset(new float[,] { { 1, 2 }, { 3, 4 } }, new float[] { 1, 0, 1 }));
        Assert.StartsWith("The features hold 2 samples but the targets hold 3.", e.Message);
        var empty = Assert.Throws<ArgumentException>(() => new Dataset(new float[0, 2], new float[0, 1]));
        Assert.StartsWith("The data is empty", empty.Message);
    }

    [Fact]
    public void Jagged_arrays_convert_and_reject_ragged_rows()
    {
        var data = new Dataset([[1f, 2], [3, 4]], [[0f], [1]]);
        Assert.Equal([1f, 2, 3, 4], data.Features.ToArray());
        Assert.Equal([0f, 1], data.Targets.ToArray());

        var e = Assert.Throws<ArgumentException>(() => new Dataset([[1f, 2], [3]], [[0f], [1]]));
        Assert.Equal("features", e.ParamName);
        Assert.StartsWith("Row 1 has 1 values but row 0 has 2; all rows must have the same length.", e.Message);
        var empty = Assert.Throws<ArgumentException>(() => new Dataset(Array.Empty<float[]>(), Array.Empty<float[]>()));
        Assert.StartsWith("The data is empty", empty.Message);
    }

    [Fact]
    public void Sample_views_one_row()
    {
        var data = new Dataset([1, 2, 3, 4, 5, 6], 2, [7, 8, 9], 1);
        Batch sample = data.Sample(1);
        Assert.Equal(1, sample.Count);
        Assert.Equal([3f, 4], sample.Features.ToArray());
        Assert.Equal([8f], sample.Targets.ToArray());
        Assert.True(sample.Features.Overlaps(data.Features));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Sample(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Sample(-1));
    }

    [Fact]
    public void Take_and_split_copy_index_ranges()
    {
        var data = new Dataset([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2, [0, 10, 20, 30, 40], 1);

        Dataset middle = data.Take(1, 3);
        Assert.Equal([2f, 3, 4, 5, 6, 7], middle.Features.ToArray());
        Assert.Equal([10f, 20, 30], middle.Targets.ToArray());
        Assert.False(middle.Features.Overlaps(data.Features));

        var (first, second) = data.Split(2);
        Assert.Equal([0f, 1, 2, 3], first.Features.ToArray());
        Assert.Equal([20f, 30, 40], second.Targets.ToArray());

        Assert.Throws<ArgumentOutOfRangeException>(() => data.Take(5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Take(2, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Take(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Split(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Split(5));
    }
}
