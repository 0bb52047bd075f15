using NeuralDsl.Tools.Data;
using Samples.FashionCnn;

namespace NeuralDsl.Samples.Tests;

/// <summary>The FashionCnn sample's core on a slice of Debian's Fashion-MNIST files.</summary>
public class FashionCnnSampleTests
{
    [Fact]
    public void One_epoch_on_6000_images_classifies_most_test_images()
    {
        var (train, test) = MnistFiles.FashionMnist.Load();
        FashionCnnResult result = FashionCnnTraining.Run(train.Take(0, 6000), test.Take(0, 2000), epochs: 1);

        Assert.Single(result.EpochTimes);
        // Chance is 10%; one epoch on all 60,000 images reached 85.7% (README). A tenth of them gets most right.
        Assert.True(result.Accuracy >= 0.7, $"test accuracy {result.Accuracy:P1} on the slice");
    }
}
