using System;
using NeuralDsl.Data;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Training;

/// <summary>Bad input is refused before the first step, with a message that says what is wrong; nothing changes.</summary>
public class TrainerValidationTests
{
    private static void AssertRefused<TException>(ITrainableNetwork net, Action train, string expected) where TException : Exception
    {
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<TException>(train);
        Assert.Contains(expected, error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void Feature_count_must_match_the_network()
    {
        var net = new Regressor();
        var data = new Dataset(new float[9], 3, new float[3], 1);
        AssertRefused<ArgumentException>(net, () => net.Fit(data), "3 features per sample, but the network's InputSize is 2");
    }

    [Fact]
    public void Target_count_must_match_the_network()
    {
        var net = new Regressor();
        var data = new Dataset(new float[4], 2, new float[4], 2);
        AssertRefused<ArgumentException>(net, () => net.Fit(data), "TargetSize is 1");
    }

    [Fact]
    public void Class_labels_must_be_in_range()
    {
        var net = new BlobClassifier();
        var data = new Dataset(new float[6], 2, [0f, 1f, 3f], 1);
        AssertRefused<ArgumentException>(net, () => net.Fit(data), "Sample 2 of the train data has target 3, which is not a class index in [0, 3)");
    }

    [Fact]
    public void Binary_targets_must_be_probabilities()
    {
        var net = new LogisticRegression();
        var data = new Dataset(new float[4], 2, [1f, 2f], 1);
        AssertRefused<ArgumentException>(net, () => net.Fit(data), "needs targets in [0, 1]");
    }

    [Theory]
    [InlineData(0, 32, "Epochs")]
    [InlineData(5, 0, "BatchSize")]
    public void Epochs_and_batch_size_must_be_positive(int epochs, int batchSize, string name)
    {
        var net = new Regressor();
        AssertRefused<ArgumentOutOfRangeException>(net, () => net.Fit(TrainingData.Linear(10, 1), null, new TrainingOptions { Epochs = epochs, BatchSize = batchSize }), name);
    }

    [Fact]
    public void Monitoring_validation_loss_needs_validation_data()
    {
        var net = new Regressor();
        AssertRefused<InvalidOperationException>(net,
            () => net.Fit(TrainingData.Linear(10, 1), null, new TrainingOptions { EarlyStopping = new EarlyStopping("val_loss") }),
            "there is no validation data");
    }

    [Fact]
    public void Accuracy_is_refused_for_regression()
    {
        var net = new Regressor();
        AssertRefused<InvalidOperationException>(net,
            () => net.Fit(TrainingData.Linear(10, 1), null, new TrainingOptions { Metrics = [Metric.Accuracy] }), "regression loss");
    }

    [Fact]
    public void Nan_in_the_data_is_refused_when_the_dataset_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([1f, float.NaN], 2, [0f], 1));
        Assert.Contains("NaN", error.Message);
    }
}
