using System;
using System.IO;
using NeuralDsl;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Plots;
using NeuralDsl.Tools.Progress;
using NeuralDsl.Weights;

namespace Samples.Digits;

/// <summary>
/// Trains <see cref="DigitsNet"/> on scikit-learn's 8x8 digits and reports on the held-out 20%.
/// <c>dotnet run -c Release --project samples/Digits [-- --plots folder] [--no-progress] [--export-split split.json]</c>;
/// exits with 1 when test accuracy is below <see cref="TargetAccuracy"/>. Progress is a batch bar on a
/// terminal and one plain line per epoch when output is redirected; plots go to <c>plots/</c> next to
/// the binary unless <c>--plots</c> says where.
/// </summary>
public static class Program
{
    /// <summary>The accuracy this sample promises on its fixed split.</summary>
    private const double TargetAccuracy = 0.97;

    public static int Main(string[] args)
    {
        string? exportSplit = null;
        string plots = Path.Combine(AppContext.BaseDirectory, "plots");
        var progress = new ProgressOptions();
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--export-split" && a + 1 < args.Length) exportSplit = args[++a];
            else if (args[a] == "--plots" && a + 1 < args.Length) plots = args[++a];
            else if (args[a] == "--no-progress") progress = new ProgressOptions { Mode = ProgressMode.Off };
            else
            {
                Console.Error.WriteLine($"Unknown argument \"{args[a]}\". Usage: Digits [--plots <folder>] [--no-progress] [--export-split <file.json>]");
                return 2;
            }
        }

        var data = DigitsCsv.Load(Path.Combine(AppContext.BaseDirectory, "digits.csv.gz"));
        Console.WriteLine($"{data.Count} digits of 8x8 pixels; 80/20 stratified split, standardised with training statistics");
        Console.WriteLine(new DigitsNet().Summary());

        DigitsResult result = DigitsTraining.Run(data, addProgress: options => options.WithProgress(progress));
        Console.WriteLine(result.History.StopMessage);
        Console.WriteLine($"time to trained model: {result.FitTime.TotalSeconds:F2} s ({result.FitTime.TotalMilliseconds / result.History.EpochCount:F1} ms per epoch; {result.History.EpochCount} epochs of {result.Train.Count} digits, 10% of them for validation)");
        Console.WriteLine($"test accuracy: {result.Accuracy:P2} on {result.Test.Count} digits");
        Console.WriteLine();

        var report = ClassificationReport.Create(ClassLabels.Of(result.Test), result.Predicted, classes: 10);
        Console.WriteLine(report);
        Console.WriteLine("confusion matrix (rows: actual digit, columns: predicted)");
        Console.WriteLine(report.Matrix);

        Console.WriteLine($"wrote {Shown(TrainingPlots.SaveCurves(result.History, Path.Combine(plots, "curves.png")))}");
        Console.WriteLine($"wrote {Shown(TrainingPlots.SaveConfusionMatrix(report.Matrix, Path.Combine(plots, "confusion.png")))}");
        Console.WriteLine($"wrote {Shown(TrainingPlots.SaveMisclassified(result.TestImages, 8, 8, ClassLabels.Of(result.Test), result.Predicted, Path.Combine(plots, "misclassified.png")))}");

        string weights = Path.Combine(AppContext.BaseDirectory, "digits.ndw");
        result.Net.SaveWeights(weights);
        Console.WriteLine($"weights saved to {weights}");

        if (exportSplit is not null)
        {
            SplitExport.Write(exportSplit, data);
            Console.WriteLine($"split written to {Path.GetFullPath(exportSplit)}");
        }

        if (result.Accuracy < TargetAccuracy)
        {
            Console.Error.WriteLine($"test accuracy {result.Accuracy:P2} is below the target of {TargetAccuracy:P0}");
            return 1;
        }
        return 0;
    }

    /// <summary>A written file's path as the user would type it: relative to the current folder when it is below it.</summary>
    private static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
