using System;
using System.Diagnostics;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Data;
using NeuralDsl.Training;

namespace Samples.BreastCancer;

/// <summary>One trained model's record.</summary>
/// <param name="History">Per-epoch losses and metrics, and why training stopped.</param>
/// <param name="Probabilities">The model's probability of malignant for each test sample.</param>
/// <param name="Scores">Those probabilities scored against the test diagnoses.</param>
/// <param name="FitTime">Wall-clock time of <c>Fit</c>.</param>
public sealed record ModelResult(History History, float[] Probabilities, BinaryScores Scores, TimeSpan FitTime);

/// <summary>What <see cref="CancerTraining.Run"/> produced.</summary>
/// <param name="Train">The training part of the split, standardised.</param>
/// <param name="Test">The test part, standardised with the training part's statistics.</param>
/// <param name="Logistic">Logistic regression (one sigmoid unit).</param>
/// <param name="Mlp">The 30-16-1 MLP.</param>
public sealed record CancerResult(Dataset Train, Dataset Test, ModelResult Logistic, ModelResult Mlp);

/// <summary>The sample's core, shared with its integration test: load, split, scale, train both models, score.</summary>
public static class CancerTraining
{
    /// <summary>Seed of the stratified train/test split.</summary>
    public const int SplitSeed = 1;

    /// <summary>Share of the samples held out for testing.</summary>
    public const double TestFraction = 0.2;

    /// <summary>
    /// Reads breast_cancer.csv: the 30 named measurement columns are the features, <c>diagnosis</c> the
    /// class label, numbered in sorted order: benign 0, malignant 1 (the positive class).
    /// </summary>
    public static CsvData Load(string path)
    {
        CsvData data = CsvLoader.Load(path, new CsvColumns { Targets = ["diagnosis"], TargetIsClassLabel = true });
        if (data.Labels!.ClassCount != 2 || data.Labels.InverseTransform(1) != "malignant")
            throw new InvalidOperationException($"{path}: expected the diagnoses benign and malignant, found {string.Join(", ", data.Labels.Classes.ToArray())}.");
        return data;
    }

    /// <summary>
    /// Splits 80/20 (stratified, seeded), standardises with the training part's statistics, trains
    /// <see cref="LogisticRegression"/> and <see cref="CancerMlp"/> (Adam, batches of 32, early stopping
    /// on a 10% validation split), and scores both on the test part.
    /// </summary>
    /// <param name="data">Samples as <see cref="Load"/> reads them (or a slice of them).</param>
    /// <param name="epochs">Upper bound on the epochs of each model.</param>
    public static CancerResult Run(Dataset data, int epochs = 300)
    {
        var (train, test) = DataSplit.TrainTest(data, TestFraction, SplitSeed, stratify: true);
        var scaler = new StandardScaler();
        scaler.FitTransform(train);
        scaler.Transform(test);

        ModelResult logistic = Train(new LogisticRegression(seed: 42), train, test, epochs);
        ModelResult mlp = Train(new CancerMlp(seed: 42), train, test, epochs);
        return new CancerResult(train, test, logistic, mlp);
    }

    private static ModelResult Train(ITrainableNetwork net, Dataset train, Dataset test, int epochs)
    {
        var options = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = 32,
            Seed = 7,
            ValidationSplit = 0.1,
            Metrics = [Metric.Accuracy],
            EarlyStopping = new EarlyStopping("val_loss", patience: 20),
        };
        var clock = Stopwatch.StartNew();
        History history = net.Fit(train, validation: null, options);
        clock.Stop();

        var probabilities = new float[test.Count];
        net.PredictBatch(test.Features, probabilities);
        return new ModelResult(history, probabilities, BinaryScores.Of(ClassLabels.Of(test), probabilities), clock.Elapsed);
    }
}
