using System;
using System.IO;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Data;
using Samples.Tabular;

namespace Samples.BreastCancer;

/// <summary>
/// Wisconsin breast cancer diagnosis from 30 measurements: logistic regression as a one-layer network
/// next to an MLP. <c>dotnet run -c Release --project samples/BreastCancer [-- --export-split split.json]</c>;
/// exits with 1 when either model's test accuracy or ROC AUC is below the sample's thresholds.
/// </summary>
public static class Program
{
    /// <summary>Test accuracy both models must reach: scikit-learn reaches 97.4-99.1% on the same split (README.md), 4 errors in 114 are allowed.</summary>
    private const double TargetAccuracy = 0.96;

    /// <summary>Test ROC AUC both models must reach: scikit-learn reaches 0.985-0.990 on the same split.</summary>
    private const double TargetRocAuc = 0.98;

    public static int Main(string[] args)
    {
        string? exportSplit = null;
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--export-split" && a + 1 < args.Length) exportSplit = args[++a];
            else
            {
                Console.Error.WriteLine($"Unknown argument \"{args[a]}\". Usage: BreastCancer [--export-split <file.json>]");
                return 2;
            }
        }

        CsvData csv = CancerTraining.Load(Path.Combine(AppContext.BaseDirectory, "breast_cancer.csv"));
        int malignant = Array.FindAll(ClassLabels.Of(csv.Dataset), c => c == 1).Length;
        Console.WriteLine($"{csv.Dataset.Count} samples of {csv.Dataset.FeatureSize} features ({csv.FeatureNames[0]}, {csv.FeatureNames[1]}, ..., {csv.FeatureNames[^1]}); "
            + $"{malignant} malignant (class 1, positive), {csv.Dataset.Count - malignant} benign (class 0)");
        Console.WriteLine("80/20 stratified split (seed 1), standardised with training statistics; Adam, batches of 32, early stopping on 10% of the training part");
        Console.WriteLine();

        CancerResult result = CancerTraining.Run(csv.Dataset);
        Console.WriteLine($"test set: {result.Test.Count} samples; positive class: malignant; threshold 0.5");
        Print("logistic regression (30-1 sigmoid, lr 0.01)", result.Logistic);
        Print("MLP (30-16 ReLU-1 sigmoid, lr 0.001)       ", result.Mlp);

        if (exportSplit is not null)
        {
            SplitRows.Write(exportSplit, csv.Dataset, CancerTraining.TestFraction, CancerTraining.SplitSeed, stratify: true);
            Console.WriteLine($"split written to {Path.GetFullPath(exportSplit)}");
        }

        int status = 0;
        foreach (var (name, model) in new[] { ("logistic regression", result.Logistic), ("MLP", result.Mlp) })
        {
            if (model.Scores.Accuracy < TargetAccuracy || model.Scores.RocAuc < TargetRocAuc)
            {
                Console.Error.WriteLine($"{name}: test accuracy {model.Scores.Accuracy:P2} / ROC AUC {model.Scores.RocAuc:F4} is below the target of {TargetAccuracy:P0} / {TargetRocAuc}");
                status = 1;
            }
        }
        return status;
    }

    private static void Print(string name, ModelResult model) =>
        Console.WriteLine($"{name}: {model.Scores}  ({model.History.EpochCount} epochs, best {model.History.RestoredEpoch}, {model.FitTime.TotalSeconds:F2} s)");
}
