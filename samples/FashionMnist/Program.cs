using System;
using System.IO;
using System.Linq;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Data;

namespace Samples.FashionMnist;

/// <summary>
/// Trains <see cref="FashionNet"/> on Fashion-MNIST's 60,000 training images and tests it on the 10,000
/// others. <c>dotnet run -c Release --project samples/FashionMnist [-- --data &lt;directory&gt;]</c> (the
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
        for (int a = 0; a < args.Length; a++)
        {
            if (args[a] == "--data" && a + 1 < args.Length) directory = args[++a];
            else
            {
                Console.Error.WriteLine($"Unknown argument \"{args[a]}\". Usage: FashionMnist [--data <directory with the four IDX files>]");
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

        FashionResult result = FashionTraining.Run(train, test, onEpochEnd: (e, time) =>
            Console.WriteLine($"epoch {e.Epoch + 1}/{e.Epochs}: loss {e.Loss:F4}  accuracy {e.History.Value("accuracy", e.Epoch):F4}  {time.TotalSeconds:F2} s"));
        double mean = result.EpochTimes.Average(t => t.TotalSeconds);
        Console.WriteLine($"time per epoch: {mean:F2} s (mean of {result.EpochTimes.Length}; {result.EpochTimes.Sum(t => t.TotalSeconds):F1} s in all)");
        Console.WriteLine($"test accuracy: {result.Accuracy:P2} on {test.Count} images");
        Console.WriteLine();
        string[] names = MnistFiles.FashionMnist.ClassNames.ToArray();
        Console.WriteLine(ClassificationReport.Create(ClassLabels.Of(test), result.Predicted, classes: 10, names));

        if (result.Accuracy < TargetAccuracy)
        {
            Console.Error.WriteLine($"test accuracy {result.Accuracy:P2} is below the target of {TargetAccuracy:P1}");
            return 1;
        }
        return 0;
    }
}
