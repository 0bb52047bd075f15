using System;
using System.IO;
using System.Linq;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Data;
using NeuralDsl.Tools.Plots;
using NeuralDsl.Tools.Progress;

namespace Samples.FashionMnist;

/// <summary>
/// Trains <see cref="FashionNet"/> on Fashion-MNIST's 60,000 training images and tests it on the 10,000
/// others. <c>dotnet run -c Release --project samples/FashionMnist [-- --data &lt;directory&gt;] [--plots &lt;folder&gt;] [--no-progress]</c> (the
/// data from Debian's dataset-fashion-mnist by default: samples/FashionMnist/get-data.sh installs it);
/// exits with 1 when test accuracy is below <see cref="TargetAccuracy"/>, 2 when the data is missing.
/// </summary>
public static class Program
{
    /// <summary>The accuracy this sample promises (PyTorch with the same setup: 87.2-87.6% over three seeds).</summary>
    private const double TargetAccuracy = 0.875;

    public static int Main(string[] args)
    {
        string? directory = null;
        string plots = Path.Combine(AppContext.BaseDirectory, "plots");
        var progress = new ProgressOptions();
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--data" && a + 1 < args.Length) directory = args[++a];
            else if (args[a] == "--plots" && a + 1 < args.Length) plots = args[++a];
            else if (args[a] == "--no-progress") progress = new ProgressOptions { Mode = ProgressMode.Off };
            else
            {
                Console.Error.WriteLine($"Unknown argument \"{args[a]}\". Usage: FashionMnist [--data <directory with the four IDX files>] [--plots <folder>] [--no-progress]");
                return 2;
            }
        }

        Dataset train, test;
        try
        {
            (train, test) = MnistFiles.FashionMnist.Load(directory);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        Console.WriteLine($"Fashion-MNIST from {directory ?? MnistFiles.FashionMnist.DefaultDirectory}: {train.Count} training and {test.Count} test images of 28x28 pixels in [0, 1]");
        Console.WriteLine(new FashionNet().Summary());
        Console.WriteLine($"Adam 1e-3, batches of {FashionTraining.BatchSize}, {FashionTraining.Epochs} epochs");

        FashionResult result = FashionTraining.Run(train, test, addProgress: options => options.WithProgress(progress));
        double mean = result.EpochTimes.Average(t => t.TotalSeconds);
        Console.WriteLine($"time per epoch: {mean:F2} s (mean of {result.EpochTimes.Length}; {result.EpochTimes.Sum(t => t.TotalSeconds):F1} s in all)");
        Console.WriteLine($"test accuracy: {result.Accuracy:P2} on {test.Count} images");
        Console.WriteLine();
        string[] names = MnistFiles.FashionMnist.ClassNames.ToArray();
        int[] actual = ClassLabels.Of(test);
        var report = ClassificationReport.Create(actual, result.Predicted, classes: 10, names);
        Console.WriteLine(report);

        Console.WriteLine($"wrote {Shown(TrainingPlots.SaveCurves(result.History, Path.Combine(plots, "curves.png")))}");
        Console.WriteLine($"wrote {Shown(TrainingPlots.SaveConfusionMatrix(report.Matrix, Path.Combine(plots, "confusion.png"), size: 720))}");
        Console.WriteLine($"wrote {Shown(TrainingPlots.SaveMisclassified(test.Features, 28, 28, actual, result.Predicted, Path.Combine(plots, "misclassified.png"), names))}");

        if (result.Accuracy < TargetAccuracy)
        {
            Console.Error.WriteLine($"test accuracy {result.Accuracy:P2} is below the target of {TargetAccuracy:P1}");
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
