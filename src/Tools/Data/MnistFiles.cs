using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NeuralDsl.Data;

namespace NeuralDsl.Tools.Data;

/// <summary>
/// Finds and loads an MNIST-format data set: the four IDX files <c>train-images-idx3-ubyte</c>,
/// <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c> (each
/// optionally gzip-compressed, <c>.gz</c>) in one directory: the one given, or where a system package
/// installs them. When a file is missing, the error says what to install or download.
/// </summary>
/// <example>
/// <code>
/// var (train, test) = MnistFiles.FashionMnist.Load();            // Debian's dataset-fashion-mnist
/// var (train, test) = MnistFiles.Mnist.Load("/data/mnist");      // a directory of your own
/// string name = MnistFiles.FashionMnist.ClassNames[9];           // "Ankle boot"
/// </code>
/// </example>
public sealed class MnistFiles
{
    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private readonly string _whereToGetIt;

    private MnistFiles(string name, string? defaultDirectory, string whereToGetIt, string[] classNames)
    {
        Name = name;
        DefaultDirectory = defaultDirectory;
        _whereToGetIt = whereToGetIt;
        ClassNames = classNames;
    }

    /// <summary>
    /// Zalando's Fashion-MNIST (70,000 28x28 greyscale images of 10 kinds of clothing, MIT licence), by
    /// default from where Debian's <c>dataset-fashion-mnist</c> package installs it.
    /// </summary>
    public static MnistFiles FashionMnist { get; } = new(
        "Fashion-MNIST",
        "/usr/share/datasets/fashion-mnist",
        "On Debian or Ubuntu install it with `sudo apt-get install dataset-fashion-mnist` (samples/FashionMnist/get-data.sh does this), "
            + "or download the four files from https://github.com/zalandoresearch/fashion-mnist (data/fashion) and pass their directory.",
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    /// <summary>
    /// LeCun, Cortes and Burges' handwritten digits (70,000 28x28 greyscale images). No Debian package
    /// ships them, so there is no default directory: pass the directory holding the four files.
    /// </summary>
    public static MnistFiles Mnist { get; } = new(
        "MNIST",
        null,
        "Download the four files of the MNIST database (http://yann.lecun.com/exdb/mnist/ or a mirror of it) and pass their directory.",
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    /// <summary>The data set's name, as error messages give it.</summary>
    public string Name { get; }

    /// <summary>Where a system package puts the files, searched when no directory is given; null if there is none.</summary>
    public string? DefaultDirectory { get; }

    /// <summary>The name of each class, by class index.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// Loads the 60,000 training and 10,000 test images (for the standard files) from
    /// <paramref name="directory"/>, or from <see cref="DefaultDirectory"/> when it is null: pixels in
    /// [0, 1], one row per image, class-index targets.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to get the data set.</exception>
    /// <exception cref="DataFileException">A file is not valid IDX of its kind, or images and labels do not pair up.</exception>
    public (Dataset Train, Dataset Test) Load(string? directory = null)
    {
        string[] paths = Locate(directory);
        return (IdxReader.Load(paths[0], paths[1]), IdxReader.Load(paths[2], paths[3]));
    }

    /// <summary>
    /// The paths of the training images, training labels, test images and test labels in
    /// <paramref name="directory"/> (or <see cref="DefaultDirectory"/>), each the compressed <c>.gz</c>
    /// file if present and the uncompressed one otherwise.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to get the data set.</exception>
    public string[] Locate(string? directory = null)
    {
        string? where = directory ?? DefaultDirectory;
        if (where is null)
            throw new FileNotFoundException($"{Name} has no default location: pass the directory that holds {string.Join(", ", FileNames)} (or the same with .gz). {_whereToGetIt}");
        var paths = new string[FileNames.Length];
        var missing = new List<string>();
        for (int i = 0; i < FileNames.Length; i++)
        {
            string plain = Path.Combine(where, FileNames[i]);
            string compressed = plain + ".gz";
            paths[i] = File.Exists(compressed) ? compressed : plain;
            if (!File.Exists(paths[i])) missing.Add(FileNames[i]);
        }
        if (missing.Count > 0)
            throw new FileNotFoundException(
                $"{Name} was not found in {where}: {(missing.Count == FileNames.Length ? "none of its four files is there" : "missing " + string.Join(", ", missing.Select(m => m + "[.gz]")))}. {_whereToGetIt}",
                Path.Combine(where, missing[0]));
        return paths;
    }
}
