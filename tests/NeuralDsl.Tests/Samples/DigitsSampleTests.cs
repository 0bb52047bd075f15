using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using Samples.Digits;

namespace NeuralDsl.Tests.Samples;

/// <summary>The digits sample's core (samples/Digits, compiled in here) on a slice of the committed data.</summary>
public class DigitsSampleTests
{
    private static Dataset Digits() => DigitsCsv.Load(Path.Combine(AppContext.BaseDirectory, "Samples", "digits.csv.gz"));

    [Fact]
    public void The_committed_file_holds_1797_digits_of_64_pixels()
    {
        Dataset data = Digits();
        Assert.Equal(1797, data.Count);
        Assert.Equal(64, data.FeatureSize);
        Assert.Equal(Enumerable.Range(0, 10), ClassLabels.Of(data).Distinct().Order());
        Assert.All(data.Features.ToArray(), v => Assert.InRange(v, 0f, 16f));
    }

    [Fact]
    public void Training_on_500_digits_learns_far_above_chance()
    {
        Dataset slice = Digits().Take(0, 500);
        DigitsResult result = DigitsTraining.Run(slice, epochs: 40);

        Assert.Equal(400, result.Train.Count);
        Assert.Equal(100, result.Test.Count);
        Assert.InRange(result.History.EpochCount, 1, 40);
        // Chance is 10%; the full sample reaches 98.6%. On 400 training digits the network still gets most right.
        Assert.True(result.Accuracy >= 0.85, $"test accuracy {result.Accuracy:P1} on the slice");
        Assert.Equal(result.Accuracy, ClassificationReport.Create(ClassLabels.Of(result.Test), result.Predicted, classes: 10).Accuracy, 12);
    }

    [Fact]
    public void Exported_split_rows_are_the_samples_split()
    {
        Dataset slice = Digits().Take(0, 300);
        string path = Path.Combine(Path.GetTempPath(), $"digits-split-{Guid.NewGuid():N}.json");
        try
        {
            SplitExport.Write(path, slice);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            int[] train = json.RootElement.GetProperty("train").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            int[] test = json.RootElement.GetProperty("test").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(Enumerable.Range(0, 300), train.Concat(test).Order());

            var (_, realTest) = DataSplit.TrainTest(slice, DigitsTraining.TestFraction, DigitsTraining.SplitSeed, stratify: true);
            for (int i = 0; i < test.Length; i++)
                Assert.Equal(slice.Sample(test[i]).Features.ToArray(), realTest.Sample(i).Features.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
