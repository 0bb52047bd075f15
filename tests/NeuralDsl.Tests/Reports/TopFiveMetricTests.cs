using System;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Reports;

public class TopFiveMetricTests
{
    /// <summary>Noisy ten-class data: class c leans towards a direction, so a network gets some but not all right.</summary>
    private static Dataset Data(int count, int seed, bool oneHot)
    {
        var random = new SeededRandom(seed);
        float[] x = new float[count * 4], y = new float[count * (oneHot ? 10 : 1)];
        for (int n = 0; n < count; n++)
        {
            int c = random.NextInt(10);
            for (int f = 0; f < 4; f++) x[4 * n + f] = (float)(Math.Cos(c + f) + 1.5 * random.NextNormal());
            if (oneHot) y[10 * n + c] = 1f;
            else y[n] = c;
        }
        return new Dataset(x, 4, y, oneHot ? 10 : 1);
    }

    private static double Expected(INetwork net, Dataset data)
    {
        float[] outputs = new float[data.Count * 10];
        net.PredictBatch(data.Features, outputs);
        return TopKAccuracy.Compute(ClassLabels.Of(data), outputs, 10, 5);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_and_Evaluate_record_what_TopKAccuracy_computes(bool oneHot)
    {
        ITrainableNetwork net = oneHot ? new TenClassOneHotNet(seed: 1) : new TenClassNet(seed: 1);
        Dataset train = Data(300, 1, oneHot), validation = Data(100, 2, oneHot);
        History history = net.Fit(train, validation, new TrainingOptions { Epochs = 3, BatchSize = 32, Metrics = [Metric.TopFiveAccuracy] });
        Assert.Equal(["loss", "val_loss", "top_5_accuracy", "val_top_5_accuracy"], history.SeriesNames);
        double expected = Expected(net, validation);
        Assert.InRange(expected, 0.3, 0.99); // neither trivial nor perfect
        Assert.Equal(expected, history["val_top_5_accuracy"][^1], 1e-12);
        Assert.All(history["top_5_accuracy"], v => Assert.InRange(v, 0.0, 1.0));
        Assert.Equal(expected, net.Evaluate(validation, [Metric.TopFiveAccuracy]).Metrics["top_5_accuracy"], 1e-12);
        Assert.Equal(Expected(net, train), net.Evaluate(train, [Metric.TopFiveAccuracy]).Metrics["top_5_accuracy"], 1e-12);
    }

    [Fact]
    public void Top_five_is_refused_for_losses_without_class_outputs()
    {
        var net = new BinarySigmoidNet(seed: 1);
        var error = Assert.Throws<InvalidOperationException>(() =>
            net.Evaluate(NeuralDsl.Tests.Training.TrainingData.Separable(10, 1), [Metric.TopFiveAccuracy]));
        Assert.Contains("BinaryCrossEntropy", error.Message, StringComparison.Ordinal);
    }
}
