using System;
using System.IO;
using NeuralDsl.Reports;
using NeuralDsl.Tools.Plots;
using NeuralDsl.Tools.Tests.Progress;
using NeuralDsl.Training;
using SkiaSharp;

namespace NeuralDsl.Tools.Tests.Plots;

public sealed class PlotTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neuraldsl-plots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("NEURALDSL_KEEP_PLOTS") is null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void TrainingCurvesArePaintedForEverySeries()
    {
        History history = Trained(out _);
        string path = TrainingPlots.SaveCurves(history, Path.Combine(_folder, "nested", "curves.png"));
        Assert.Equal(Path.Combine(_folder, "nested", "curves.png"), path);
        // Two panels (loss, accuracy) side by side.
        CheckPicture(path, 880, 360);
    }

    [Fact]
    public void TheConfusionMatrixIsPaintedAsAHeatMap()
    {
        int[] actual = [0, 0, 0, 1, 1, 2, 2, 2, 2, 1];
        int[] predicted = [0, 0, 1, 1, 1, 2, 2, 0, 2, 1];
        var matrix = ConfusionMatrix.Create(actual, predicted, classes: 3, names: ["cat", "dog", "bird"]);
        string path = TrainingPlots.SaveConfusionMatrix(matrix, Path.Combine(_folder, "confusion.png"));
        CheckPicture(path, 620, 560);
    }

    [Fact]
    public void MisclassifiedImagesAreShownInAGrid()
    {
        (float[] images, int[] actual) = Shapes(12);
        int[] predicted = (int[])actual.Clone();
        for (int i = 0; i < predicted.Length; i += 2) predicted[i] = 1 - predicted[i]; // 6 wrong
        string path = TrainingPlots.SaveMisclassified(images, 8, 8, actual, predicted, Path.Combine(_folder, "wrong.png"), names: ["ring", "bar"], columns: 4);
        CheckPicture(path, 4 * 110, 2 * 132);
    }

    [Fact]
    public void AllCorrectGetsAPictureSayingSo()
    {
        (float[] images, int[] actual) = Shapes(4);
        string path = TrainingPlots.SaveMisclassified(images, 8, 8, actual, actual, Path.Combine(_folder, "none.png"));
        CheckPicture(path, 480, 160);
    }

    [Fact]
    public void BadInputIsRejectedBeforeAnythingIsWritten()
    {
        (float[] images, int[] actual) = Shapes(4);
        string path = Path.Combine(_folder, "bad.png");
        var sizes = Assert.Throws<ArgumentException>(() => TrainingPlots.SaveMisclassified(images, 8, 7, actual, actual, path));
        Assert.Contains("4 images of 8x7 pixels need 224 values; there are 256", sizes.Message);
        var extension = Assert.Throws<ArgumentException>(() => TrainingPlots.SaveCurves(Trained(out _), Path.Combine(_folder, "curves.svg")));
        Assert.Contains("ending in .png", extension.Message);
        Assert.False(Directory.Exists(_folder));
    }

    private static History Trained(out ProgressNet net)
    {
        net = new ProgressNet(seed: 2);
        return net.Fit(ProgressNet.Diagonal(200), validation: null, new TrainingOptions
        {
            Epochs = 30,
            BatchSize = 16,
            ValidationSplit = 0.25,
            Metrics = [Metric.Accuracy],
            EarlyStopping = new EarlyStopping("val_loss", patience: 3),
        });
    }

    // Rings (class 0) and vertical bars (class 1), 8x8, with a little noise so no two are alike.
    private static (float[] Images, int[] Classes) Shapes(int count)
    {
        var random = new Random(4);
        float[] images = new float[count * 64];
        int[] classes = new int[count];
        for (int i = 0; i < count; i++)
        {
            classes[i] = i % 2;
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++)
                {
                    double r = Math.Sqrt((x - 3.5) * (x - 3.5) + (y - 3.5) * (y - 3.5));
                    bool ink = classes[i] == 0 ? Math.Abs(r - 2.6) < 0.8 : x is 3 or 4 && y is >= 1 and <= 6;
                    images[i * 64 + y * 8 + x] = (ink ? 16f : 0f) + (float)random.NextDouble() * 3;
                }
        }
        return (images, classes);
    }

    // A real PNG of the expected size, larger than a blank one, with a spread of pixel values.
    private static void CheckPicture(string path, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 4000, $"{path} has only {bytes.Length} bytes.");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        double sum = 0, squares = 0;
        int dark = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                double luma = 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
                sum += luma;
                squares += luma * luma;
                if (luma < 128) dark++;
            }
        int n = bitmap.Width * bitmap.Height;
        double variance = squares / n - (sum / n) * (sum / n);
        Assert.True(variance > 100, $"{path}: pixel variance {variance:F1} is too low for a drawn picture.");
        Assert.True(dark > n / 200, $"{path}: only {dark} dark pixels; text and lines are missing.");
    }
}
