using System.Linq;
using NeuralDsl.Data;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Data;
using Samples.FashionMnist;

namespace NeuralDsl.Samples.Tests;

/// <summary>
/// The FashionMnist sample's core on Debian's files and a slice of them. The files are not committed:
/// samples/FashionMnist/get-data.sh installs them (README's test commands and .ci/run call it first);
/// where they are absent these tests fail with MnistFiles' message saying what to install.
/// </summary>
public class FashionMnistSampleTests
{
    [Fact]
    public void Debians_files_hold_60000_and_10000_images_with_a_balanced_test_set()
    {
        var (train, test) = MnistFiles.FashionMnist.Load();
        Assert.Equal(60000, train.Count);
        Assert.Equal(10000, test.Count);
        Assert.Equal(784, train.FeatureSize);
        // The data set's documentation: 1,000 test images (and 6,000 training images) of each class.
        Assert.All(ClassLabels.Of(test).GroupBy(c => c), g => Assert.Equal(1000, g.Count()));
        Assert.All(ClassLabels.Of(train).GroupBy(c => c), g => Assert.Equal(6000, g.Count()));
        Assert.All(test.Features.ToArray(), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void Two_epochs_on_6000_images_classify_most_test_images()
    {
        var (train, test) = MnistFiles.FashionMnist.Load();
        FashionResult result = FashionTraining.Run(train.Take(0, 6000), test.Take(0, 2000), epochs: 2);

        Assert.Equal(2, result.EpochTimes.Length);
        Assert.Equal(2, result.History.EpochCount);
        // Chance is 10%; the full sample reaches 87.7%. 6,000 images for two epochs get most right.
        Assert.True(result.Accuracy >= 0.75, $"test accuracy {result.Accuracy:P1} on the slice");
    }
}
