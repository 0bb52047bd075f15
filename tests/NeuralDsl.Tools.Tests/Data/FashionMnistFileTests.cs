using System.IO;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Data;
using NeuralDsl.Tools.Data;

namespace NeuralDsl.Tools.Tests.Data;

/// <summary>
/// IdxReader on Debian's real Fashion-MNIST test files, against numpy's reading of them
/// (Files/make_fashion_reference.py). samples/FashionMnist/get-data.sh installs them (README's test
/// commands and .ci/run call it first); where they are absent these tests fail saying what to install.
/// </summary>
public class FashionMnistFileTests
{
    [Fact]
    public void The_test_files_read_as_numpy_reads_them()
    {
        JsonElement expected = JsonDocument.Parse(File.ReadAllText(TestFiles.Path("fashion_t10k_reference.json"))).RootElement;
        string[] paths = MnistFiles.FashionMnist.Locate();
        IdxImages images = IdxReader.ReadImages(paths[2]);
        byte[] labels = IdxReader.ReadLabels(paths[3]);

        Assert.Equal(expected.GetProperty("count").GetInt32(), images.Count);
        Assert.Equal(expected.GetProperty("rows").GetInt32(), images.Rows);
        Assert.Equal(expected.GetProperty("columns").GetInt32(), images.Columns);
        Assert.Equal(expected.GetProperty("first_labels").EnumerateArray().Select(e => e.GetInt32()), labels.Take(20).Select(b => (int)b));
        Assert.Equal(expected.GetProperty("label_counts").EnumerateArray().Select(e => e.GetInt32()),
            Enumerable.Range(0, 10).Select(c => labels.Count(l => l == c)));

        // Pixels are byte / 255 in float: multiplying back recovers each byte exactly.
        int[] bytes = images.Pixels.Select(p => (int)System.MathF.Round(p * 255f)).ToArray();
        Assert.Equal(expected.GetProperty("pixel_byte_sum").GetInt64(), bytes.Sum(b => (long)b));
        Assert.Equal(expected.GetProperty("image_0").EnumerateArray().Select(e => e.GetInt32()), bytes.Take(784));
        Assert.Equal(expected.GetProperty("image_9999").EnumerateArray().Select(e => e.GetInt32()), bytes.Skip(9999 * 784));
        Assert.All(images.Pixels.Take(784), p => Assert.Equal(System.MathF.Round(p * 255f) / 255f, p));
    }

    [Fact]
    public void Load_pairs_the_test_images_with_their_labels()
    {
        string[] paths = MnistFiles.FashionMnist.Locate();
        Dataset test = IdxReader.Load(paths[2], paths[3]);
        Assert.Equal(10000, test.Count);
        Assert.Equal(784, test.FeatureSize);
        Assert.Equal(IdxReader.ReadLabels(paths[3]).Select(b => (float)b), test.Targets.ToArray());
    }
}
