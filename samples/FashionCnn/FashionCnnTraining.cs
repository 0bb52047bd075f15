using System;
using System.Collections.Generic;
using System.Diagnostics;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Training;

namespace Samples.FashionCnn;

/// <summary>What <see cref="FashionCnnTraining.Run"/> produced.</summary>
/// <param name="Net">The trained network.</param>
/// <param name="History">Per-epoch loss and training accuracy.</param>
/// <param name="EpochTimes">Wall-clock time of each epoch.</param>
/// <param name="Predicted">The network's class for each test image.</param>
/// <param name="Accuracy">Share of test images classified correctly.</param>
public sealed record FashionCnnResult(FashionCnnNet Net, History History, TimeSpan[] EpochTimes, int[] Predicted, double Accuracy);

/// <summary>The sample's core: train, then classify the test images.</summary>
public static class FashionCnnTraining
{
    /// <summary>Epochs of the sample's setup.</summary>
    public const int Epochs = 5;

    /// <summary>Mini-batch size of the sample's setup.</summary>
    public const int BatchSize = 64;

    /// <summary>
    /// Trains a fresh <see cref="FashionCnnNet"/> (seed 42; Adam at 1e-3, declared on the network) on
    /// <paramref name="train"/> for <paramref name="epochs"/> epochs of shuffled batches of 64, then classifies
    /// <paramref name="test"/>. Pixels are used as loaded, in [0, 1]; a 784-pixel row is a 28x28x1 image as it is.
    /// </summary>
    public static FashionCnnResult Run(Dataset train, Dataset test, int epochs = Epochs, Action<EpochReport, TimeSpan>? onEpochEnd = null)
    {
        var net = new FashionCnnNet(seed: 42);
        var times = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        History history = net.Fit(train, validation: null, new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = BatchSize,
            Seed = 7,
            Metrics = [Metric.Accuracy],
            OnEpochEnd = e =>
            {
                TimeSpan elapsed = clock.Elapsed;
                times.Add(elapsed);
                onEpochEnd?.Invoke(e, elapsed);
                clock.Restart();
            },
        });

        int[] predicted = net.PredictClasses(test.Features);
        int[] actual = ClassLabels.Of(test);
        int correct = 0;
        for (int i = 0; i < actual.Length; i++)
            if (predicted[i] == actual[i]) correct++;
        return new FashionCnnResult(net, history, times.ToArray(), predicted, (double)correct / actual.Length);
    }

    /// <summary>
    /// Single-image inference latency: <c>Predict</c> of one test image at a time, timed in windows of 100
    /// images after a warm-up; the median window divided by 100 (a shared machine stretches some windows).
    /// </summary>
    public static TimeSpan SingleImageLatency(FashionCnnNet net, Dataset test, int windows = 50)
    {
        const int PerWindow = 100;
        float[] output = new float[FashionCnnNet.OutputSize];
        int count = Math.Min(test.Count, 1000);
        for (int i = 0; i < 2 * count; i++) net.Predict(test.Features.Slice((i % count) * FashionCnnNet.InputSize, FashionCnnNet.InputSize), output);
        double[] ticks = new double[windows];
        for (int w = 0; w < windows; w++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < PerWindow; i++) net.Predict(test.Features.Slice((w * PerWindow + i) % count * FashionCnnNet.InputSize, FashionCnnNet.InputSize), output);
            ticks[w] = Stopwatch.GetElapsedTime(start).Ticks / (double)PerWindow;
        }
        Array.Sort(ticks);
        return TimeSpan.FromTicks((long)ticks[windows / 2]);
    }
}
