using System;
using System.IO;
using NeuralDsl.Data;
using NeuralDsl.Tools.Data;

namespace NeuralDsl.Tools.Tests.Data;

/// <summary>MnistFiles finds the four files by their standard names, compressed or not, and says what to do when they are absent.</summary>
public sealed class MnistFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mnist-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Copy(string from, string to) => File.Copy(TestFiles.Path(from), Path.Combine(_directory, to));

    [Fact]
    public void Loads_the_standard_file_names_compressed_or_not()
    {
        Copy("tiny-images-idx3-ubyte", "train-images-idx3-ubyte");
        Copy("tiny-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz");
        Copy("tiny-images-gzip-named-plain", "t10k-images-idx3-ubyte.gz");
        Copy("tiny-labels-idx1-ubyte", "t10k-labels-idx1-ubyte");

        var (train, test) = MnistFiles.Mnist.Load(_directory);

        Dataset reference = IdxReader.Load(TestFiles.Path("tiny-images-idx3-ubyte"), TestFiles.Path("tiny-labels-idx1-ubyte"));
        foreach (Dataset part in new[] { train, test })
        {
            Assert.Equal(reference.Features.ToArray(), part.Features.ToArray());
            Assert.Equal(reference.Targets.ToArray(), part.Targets.ToArray());
        }
        Assert.EndsWith("train-labels-idx1-ubyte.gz", MnistFiles.Mnist.Locate(_directory)[1]);
        Assert.EndsWith("t10k-labels-idx1-ubyte", MnistFiles.Mnist.Locate(_directory)[3]);
    }

    [Fact]
    public void An_empty_directory_says_what_to_install()
    {
        var e = Assert.Throws<FileNotFoundException>(() => MnistFiles.FashionMnist.Load(_directory));
        Assert.Contains($"Fashion-MNIST was not found in {_directory}", e.Message);
        Assert.Contains("none of its four files", e.Message);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("samples/FashionMnist/get-data.sh", e.Message);
    }

    [Fact]
    public void A_partial_directory_names_the_missing_files()
    {
        Copy("tiny-images-idx3-ubyte", "train-images-idx3-ubyte");
        Copy("tiny-labels-idx1-ubyte", "train-labels-idx1-ubyte");
        var e = Assert.Throws<FileNotFoundException>(() => MnistFiles.Mnist.Load(_directory));
        Assert.Contains("missing t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]", e.Message);
        Assert.Equal(Path.Combine(_directory, "t10k-images-idx3-ubyte"), e.FileName);
    }

    [Fact]
    public void Mnist_without_a_directory_asks_for_one()
    {
        var e = Assert.Throws<FileNotFoundException>(() => MnistFiles.Mnist.Load());
        Assert.Contains("MNIST has no default location", e.Message);
    }

    [Fact]
    public void Fashion_mnist_defaults_to_debians_directory_and_names_its_classes()
    {
        Assert.Equal("/usr/share/datasets/fashion-mnist", MnistFiles.FashionMnist.DefaultDirectory);
        Assert.Equal(10, MnistFiles.FashionMnist.ClassNames.Count);
        Assert.Equal("Ankle boot", MnistFiles.FashionMnist.ClassNames[9]);
    }
}
