using System;
using System.Linq;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Reports;

public class PredictionTests
{
    private static float[] Inputs(int samples, int features, int seed)
    {
        var random = new SeededRandom(seed);
        float[] x = new float[samples * features];
        for (int i = 0; i < x.Length; i++) x[i] = 2f * (float)random.NextNormal();
        return x;
    }

    [Fact]
    public void Allocating_Predict_returns_what_the_span_overload_writes()
    {
        var net = new ThreeClassNet(seed: 5);
        float[] input = [0.3f, -1.2f], expected = new float[3];
        net.Predict(input, expected);
        Assert.Equal(expected, ((INetwork)net).Predict(input));
    }

    [Fact]
    public void Classes_are_the_argmax_of_several_outputs()
    {
        var net = new ThreeClassNet(seed: 5);
        float[] x = Inputs(50, 2, 7), outputs = new float[50 * 3];
        net.PredictBatch(x, outputs);
        int[] classes = net.PredictClasses(x);
        for (int n = 0; n < 50; n++)
        {
            float[] row = outputs[(n * 3)..(n * 3 + 3)];
            int largest = Array.IndexOf(row, row.Max());
            Assert.Equal(largest, classes[n]);
            Assert.Equal(largest, net.PredictClass(x.AsSpan(n * 2, 2)));
        }
        Assert.True(classes.Distinct().Count() > 1, "the inputs should reach more than one class");
    }

    [Fact]
    public void A_sigmoid_output_is_thresholded_at_one_half_and_a_logit_at_zero()
    {
        float[] x = Inputs(80, 2, 8);
        var sigmoid = new BinarySigmoidNet(seed: 2);
        var logit = new BinaryLogitNet(seed: 2);
        float[] p = new float[80], z = new float[80];
        sigmoid.PredictBatch(x, p);
        logit.PredictBatch(x, z);
        int[] sigmoidClasses = sigmoid.PredictClasses(x), logitClasses = logit.PredictClasses(x);
        for (int n = 0; n < 80; n++)
        {
            Assert.Equal(p[n] >= 0.5f ? 1 : 0, sigmoidClasses[n]);
            Assert.Equal(z[n] >= 0f ? 1 : 0, logitClasses[n]);
            Assert.Equal(logitClasses[n], logit.PredictClass(x.AsSpan(2 * n, 2)));
        }
        // Logits between 0 and 0.5 are where the two rules differ: the logit rule must not use 0.5.
        Assert.Contains(z, v => v >= 0f && v < 0.5f);
        Assert.Contains(sigmoidClasses, c => c == 1);
        Assert.Contains(sigmoidClasses, c => c == 0);
    }

    [Fact]
    public void PredictClasses_rejects_a_partial_sample()
    {
        var net = new ThreeClassNet(seed: 5);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => net.PredictClasses([1f, 2f, 3f])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => net.PredictClasses(ReadOnlySpan<float>.Empty)).ParamName);
    }

    [Fact]
    public void Class_labels_come_from_indices_binary_targets_or_one_hot_rows()
    {
        Assert.Equal([2, 0, 1], ClassLabels.Of(new Dataset([0f, 0f, 0f], 1, [2f, 0f, 1f], 1)));
        Assert.Equal([1, 0], ClassLabels.Of(new Dataset([0f, 0f], 1, [0.9f, 0.1f], 1)));
        Assert.Equal([1, 0], ClassLabels.Of(new Dataset([0f, 0f], 1, [0f, 1f, 0f, 1f, 0f, 0f], 3)));
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => ClassLabels.Of(new Dataset([0f], 1, [1.5f], 1))).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => ClassLabels.Of(new Dataset([0f], 1, [-1f], 1))).ParamName);
    }

    [Fact]
    public void A_trained_network_reports_through_the_whole_chain()
    {
        var net = new ThreeClassNet(seed: 1);
        Dataset data = NeuralDsl.Tests.Training.TrainingData.Blobs(150, 3);
        net.Fit(data, null, new TrainingOptions { Epochs = 30, BatchSize = 16 });
        int[] actual = ClassLabels.Of(data), predicted = net.PredictClasses(data.Features);
        var report = ClassificationReport.Create(actual, predicted, 3, ["a", "b", "c"]);
        double accuracy = net.Evaluate(data, [Metric.Accuracy]).Metrics["accuracy"];
        Assert.Equal(accuracy, report.Accuracy, 1e-12);
        Assert.True(report.Accuracy > 0.9, report.ToString());
    }

    [Fact]
    public void ROC_AUC_can_be_followed_per_epoch_from_a_callback()
    {
        var net = new BinarySigmoidNet(seed: 4);
        Dataset train = NeuralDsl.Tests.Training.TrainingData.Separable(100, 5), validation = NeuralDsl.Tests.Training.TrainingData.Separable(40, 6);
        int[] labels = ClassLabels.Of(validation);
        float[] scores = new float[validation.Count];
        var aucs = new System.Collections.Generic.List<double>();
        History history = net.Fit(train, validation, new TrainingOptions
        {
            Epochs = 3, BatchSize = 20,
            OnEpochEnd = _ =>
            {
                net.PredictBatch(validation.Features, scores);
                aucs.Add(RocAuc.Compute(labels, scores));
            },
        });
        Assert.Equal(history.EpochCount, aucs.Count);
        // After training, the callback's last value is the trained network's AUC.
        net.PredictBatch(validation.Features, scores);
        Assert.Equal(RocAuc.Compute(labels, scores), aucs[^1]);
        Assert.True(aucs[^1] > 0.9);
    }
}
