using System;
using System.Diagnostics;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Training;

namespace Samples.Digits;

/// <summary>What <see cref="DigitsTraining.Run"/> produced.</summary>
/// <param name="Net">The trained network (best validation epoch restored).</param>
/// <param name="History">Per-epoch losses and metrics, and why training stopped.</param>
/// <param name="Train">The training part of the split, scaled (Fit holds out its validation split from it).</param>
/// <param name="Test">The held-out test part, scaled with the training part's statistics.</param>
/// <param name="TestImages">The test part's pixels as read (0 to 16), one 8x8 image per row, for pictures.</param>
/// <param name="Predicted">The network's class for each test sample.</param>
/// <param name="Accuracy">Share of test samples classified correctly.</param>
/// <param name="FitTime">Wall-clock time of <c>Fit</c>: from an untrained network to the trained one.</param>
public sealed record DigitsResult(DigitsNet Net, History History, Dataset Train, Dataset Test, float[] TestImages, int[] Predicted, double Accuracy, TimeSpan FitTime);

/// <summary>The sample's core, shared with its integration test: split, scale, train, predict.</summary>
public static class DigitsTraining
{
    /// <summary>Seed of the stratified train/test split.</summary>
    public const int SplitSeed = 1;

    /// <summary>Share of the digits held out for testing.</summary>
    public const double TestFraction = 0.2;

    /// <summary>
    /// Splits <paramref name="data"/> 80/20 (stratified, seeded), standardises with the training part's
    /// statistics only, trains a fresh <see cref="DigitsNet"/> with early stopping on a 10% validation
    /// split, and classifies the test part.
    /// </summary>
    /// <param name="data">Raw digits as <see cref="DigitsCsv.Load"/> reads them (or a slice of them).</param>
    /// <param name="epochs">Upper bound on the epochs; early stopping usually ends sooner.</param>
    /// <param name="addProgress">Adds progress output to the training options (the program's console progress); may be null.</param>
    public static DigitsResult Run(Dataset data, int epochs = 200, Func<TrainingOptions, TrainingOptions>? addProgress = null)
    {
        var (train, test) = DataSplit.TrainTest(data, TestFraction, SplitSeed, stratify: true);
        float[] testImages = test.Features.ToArray();
        var scaler = new StandardScaler();
        scaler.FitTransform(train);
        scaler.Transform(test);

        var net = new DigitsNet(seed: 42);
        var options = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = 32,
            Seed = 7,
            ValidationSplit = 0.1,
            Metrics = [Metric.Accuracy],
            EarlyStopping = new EarlyStopping("val_loss", patience: 10),
        };
        if (addProgress is not null) options = addProgress(options);
        var clock = Stopwatch.StartNew();
        History history = net.Fit(train, validation: null, options);
        clock.Stop();

        int[] predicted = net.PredictClasses(test.Features);
        int[] actual = ClassLabels.Of(test);
        int correct = 0;
        for (int i = 0; i < actual.Length; i++)
            if (predicted[i] == actual[i]) correct++;
        return new DigitsResult(net, history, train, test, testImages, predicted, (double)correct / actual.Length, clock.Elapsed);
    }
}
