using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>Bad arguments get an <see cref="ArgumentException"/> that names the expected size, and change nothing.</summary>
public class ValidationTests
{
    [Fact]
    public void Predict_rejects_wrong_input_length_naming_the_expected_size()
    {
        var net = new XorNet();
        var error = Assert.Throws<ArgumentException>(() => net.Predict(new float[3], new float[1]));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("length 2 (InputSize) but got 3", error.Message);
    }

    [Fact]
    public void Predict_rejects_wrong_output_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new MnistMlp().Predict(new float[784], new float[9]));
        Assert.Equal("output", error.ParamName);
        Assert.Contains("length 10 (OutputSize)", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Batches_must_be_a_positive_whole_number_of_samples(int inputLength)
    {
        var net = new XorNet();
        var error = Assert.Throws<ArgumentException>(() => net.PredictBatch(new float[inputLength], new float[2]));
        Assert.Equal("inputs", error.ParamName);
        Assert.Contains("positive multiple of 2 (InputSize)", error.Message);
    }

    [Fact]
    public void Targets_must_match_the_batch()
    {
        var net = new XorNet();
        var error = Assert.Throws<ArgumentException>(() => net.TrainStep(new float[8], new float[3]));
        Assert.Equal("targets", error.ParamName);
        Assert.Contains("4 samples, so expected 4 floats (4 x 1 TargetSize) but got 3", error.Message);
    }

    [Fact]
    public void A_batch_of_one_is_one_sample()
    {
        var error = Assert.Throws<ArgumentException>(() => new XorNet().TrainStep(new float[2], new float[3]));
        Assert.Contains("The batch has 1 sample, so expected 1 float (1 x 1 TargetSize) but got 3.", error.Message);
    }

    [Theory]
    [InlineData(10f)]
    [InlineData(-1f)]
    [InlineData(2.5f)]
    public void Sparse_targets_must_be_class_indices_and_a_failed_step_changes_nothing(float badLabel)
    {
        var net = new MnistMlp();
        float[] before = net.Parameters.ToArray();
        float[] targets = [3, badLabel];
        var error = Assert.Throws<ArgumentException>(() => net.TrainStep(new float[2 * 784], targets));
        Assert.Equal("targets", error.ParamName);
        Assert.Contains($"Sample 1 has target {badLabel}, which is not a class index", error.Message);
        Assert.Contains("[0, 10)", error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-0.1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Learning_rate_must_be_positive_and_finite(float rate)
    {
        var net = new XorNet();
        Assert.Throws<ArgumentOutOfRangeException>(() => net.LearningRate = rate);
        Assert.Equal(XorNet.DefaultLearningRate, net.LearningRate);
    }

    [Fact]
    public void Overlapping_input_and_output_are_rejected()
    {
        float[] buffer = new float[8];
        var net = new XorNet();
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => net.Predict(buffer.AsSpan(0, 2), buffer.AsSpan(1, 1))).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentException>(() => net.PredictBatch(buffer, buffer.AsSpan(4, 4))).ParamName);
    }
}
