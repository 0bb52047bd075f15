using System;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Training;

namespace Samples.Diagnostics;

/// <summary>Trains each flawed network next to its fix on the same data, and shows what the diagnostic predicted.</summary>
public static class Program
{
    private const int Epochs = 150;

    public static int Main()
    {
        Dataset rings = Rings(600, seed: 1), targets = Regression(400, seed: 2);
        Console.WriteLine($"{"Diagnostic",-10} {"Network",-18} {"flawed",12} {"fixed",12}");
        Compare("ND201", "LinearStack", new LinearStack(seed: 1), new LinearStackFixed(seed: 1), rings, Metric.Accuracy);
        Compare("ND202", "DeepSigmoid", new DeepSigmoid(seed: 1), new DeepSigmoidFixed(seed: 1), rings, Metric.Accuracy);
        Compare("ND301", "ZeroInit", new ZeroInit(seed: 1), new ZeroInitFixed(seed: 1), rings, Metric.Accuracy);
        Compare("ND502", "HighRate", new HighRate(seed: 1), new HighRateFixed(seed: 1), rings, Metric.Accuracy);
        Compare("ND109", "BoundedRegression", new BoundedRegression(seed: 1), new BoundedRegressionFixed(seed: 1), targets, Metric.MeanAbsoluteError);
        Console.WriteLine("(accuracy on the rings data; mean absolute error for the regression)");
        return 0;
    }

    private static void Compare(string id, string name, ITrainableNetwork flawed, ITrainableNetwork fixedNet, Dataset data, Metric metric)
    {
        Console.WriteLine($"{id,-10} {name,-18} {Train(flawed, data, metric),12:F3} {Train(fixedNet, data, metric),12:F3}");
    }

    private static double Train(ITrainableNetwork net, Dataset data, Metric metric)
    {
        net.Fit(data, validation: null, new TrainingOptions { Epochs = Epochs, BatchSize = 32, Seed = 1 });
        double value = net.Evaluate(data, [metric]).Metrics[Metrics.NameOf(metric)];
        return double.IsFinite(value) ? value : double.NaN;
    }

    /// <summary>Points in [-2, 2]², labelled 1 inside the unit circle: not separable by a line.</summary>
    private static Dataset Rings(int count, int seed)
    {
        var random = new SeededRandom(seed);
        float[] features = new float[2 * count], labels = new float[count];
        for (int n = 0; n < count; n++)
        {
            float x = 4f * random.NextSingle() - 2f, y = 4f * random.NextSingle() - 2f;
            features[2 * n] = x;
            features[2 * n + 1] = y;
            labels[n] = x * x + y * y < 1.5f ? 1f : 0f;
        }
        return new Dataset(features, 2, labels, 1);
    }

    /// <summary>A smooth target between about 2 and 8 of two inputs in [-2, 2].</summary>
    private static Dataset Regression(int count, int seed)
    {
        var random = new SeededRandom(seed);
        float[] features = new float[2 * count], values = new float[count];
        for (int n = 0; n < count; n++)
        {
            float x = 4f * random.NextSingle() - 2f, y = 4f * random.NextSingle() - 2f;
            features[2 * n] = x;
            features[2 * n + 1] = y;
            values[n] = 5f + 2f * MathF.Sin(x) + 0.5f * y;
        }
        return new Dataset(features, 2, values, 1);
    }
}
