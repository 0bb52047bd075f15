using System;
using System.Diagnostics;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Data;
using NeuralDsl.Training;

namespace Samples.Diabetes;

/// <summary>One trained model's record.</summary>
/// <param name="Name">What the model is and how it was trained.</param>
/// <param name="History">Per-epoch losses (on standardised targets), and why training stopped.</param>
/// <param name="Predicted">The model's prediction of disease progression for each test patient, in the file's units.</param>
/// <param name="Metrics">R², MAE and MSE of those predictions, in the file's units.</param>
/// <param name="FitTime">Wall-clock time of <c>Fit</c>.</param>
public sealed record RegressionResult(string Name, History History, float[] Predicted, RegressionMetrics Metrics, TimeSpan FitTime);

/// <summary>What <see cref="DiabetesTraining.Run"/> produced.</summary>
/// <param name="Train">The training part: standardised features and targets.</param>
/// <param name="Test">The test part: features standardised with the training statistics, targets as in the file.</param>
/// <param name="Models">Linear model with MSE, MLP with MSE, MLP with Huber.</param>
public sealed record DiabetesResult(Dataset Train, Dataset Test, RegressionResult[] Models);

/// <summary>The sample's core, shared with its integration test: load, split, scale, train three models, score.</summary>
public static class DiabetesTraining
{
    /// <summary>Seed of the train/test split.</summary>
    public const int SplitSeed = 1;

    /// <summary>Share of the patients held out for testing.</summary>
    public const double TestFraction = 0.2;

    /// <summary>
    /// Reads diabetes.csv: <c>progression</c> is the target; <c>sex</c> (1 or 2) is categorical and becomes
    /// the two 0/1 features <c>sex=1</c> and <c>sex=2</c>; the other nine columns are numeric features.
    /// </summary>
    public static CsvData Load(string path) =>
        CsvLoader.Load(path, new CsvColumns { Targets = ["progression"], Categorical = ["sex"] });

    /// <summary>
    /// Splits 80/20 (seeded), standardises features and target with the training part's statistics, trains
    /// the three models (Adam, batches of 32, early stopping on a 10% validation split), and scores their
    /// predictions, mapped back to the file's units, on the test part.
    /// </summary>
    /// <param name="data">Patients as <see cref="Load"/> reads them (or a slice of them).</param>
    /// <param name="epochs">Upper bound on the epochs of each model.</param>
    public static DiabetesResult Run(Dataset data, int epochs = 1000)
    {
        var (train, test) = DataSplit.TrainTest(data, TestFraction, SplitSeed);
        var features = new StandardScaler();
        features.FitTransform(train);
        features.Transform(test);

        // The target (25 to 346) is standardised too, so that the networks' outputs and the Huber
        // threshold work on the scale of one standard deviation; predictions are mapped back for scoring.
        var target = new StandardScaler();
        float[] scaledTargets = train.Targets.ToArray();
        target.FitTransform(scaledTargets, 1);
        var scaledTrain = new Dataset(train.Features, train.FeatureSize, scaledTargets, 1);

        RegressionResult[] models =
        [
            Train("linear regression (11-1, MSE, lr 0.01)", new LinearModel(seed: 42), scaledTrain, test, target, epochs),
            Train("MLP (11-32 ReLU-1, MSE, lr 0.001)     ", new MlpMse(seed: 42), scaledTrain, test, target, epochs),
            Train("MLP (11-32 ReLU-1, Huber, lr 0.001)   ", new MlpHuber(seed: 42), scaledTrain, test, target, epochs),
        ];
        return new DiabetesResult(scaledTrain, test, models);
    }

    private static RegressionResult Train(string name, ITrainableNetwork net, Dataset train, Dataset test, StandardScaler target, int epochs)
    {
        var options = new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = 32,
            Seed = 7,
            ValidationSplit = 0.1,
            EarlyStopping = new EarlyStopping("val_loss", patience: 20),
        };
        var clock = Stopwatch.StartNew();
        History history = net.Fit(train, validation: null, options);
        clock.Stop();

        var predicted = new float[test.Count];
        net.PredictBatch(test.Features, predicted);
        target.InverseTransform(predicted, 1);
        return new RegressionResult(name, history, predicted, RegressionMetrics.Compute(test.Targets, predicted), clock.Elapsed);
    }
}
