using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using NeuralDsl.Data;

namespace NeuralDsl.Tools.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST: a magic number (two zero bytes, a type code,
/// the number of dimensions), each dimension's size as a big-endian 32-bit integer, then the values in
/// row-major order. Images are a 3-dimensional file of unsigned bytes ([count, rows, columns]), labels a
/// 1-dimensional one. Files compressed with gzip are recognised by their first bytes, whatever their name.
/// Every part of the header and the data length are checked; a file that does not match is a
/// <see cref="DataFileException"/> saying what was expected and what was found.
/// </summary>
/// <example>
/// <code>
/// Dataset train = IdxReader.Load("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
/// // 60,000 rows of 784 pixels in [0, 1]; targets are the class indices 0 to 9
/// </code>
/// </example>
public static class IdxReader
{
    // The type code of unsigned bytes, what MNIST's images and labels hold; the format also defines
    // signed bytes, shorts, ints, floats and doubles, which no MNIST-style data set uses.
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an images file: [count, rows, columns] unsigned bytes, each pixel scaled to [0, 1] by dividing by 255.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="DataFileException">The file is not a 3-dimensional IDX file of unsigned bytes of the length its header gives.</exception>
    public static IdxImages ReadImages(string path)
    {
        var (dimensions, data) = Read(path, expectedDimensions: 3, what: "images ([count, rows, columns])");
        var pixels = new float[data.Length];
        for (int i = 0; i < data.Length; i++) pixels[i] = data[i] / 255f;
        return new IdxImages(dimensions[0], dimensions[1], dimensions[2], pixels);
    }

    /// <summary>Reads a labels file: [count] unsigned bytes, one class per image.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="DataFileException">The file is not a 1-dimensional IDX file of unsigned bytes of the length its header gives.</exception>
    public static byte[] ReadLabels(string path) => Read(path, expectedDimensions: 1, what: "labels ([count])").Data;

    /// <summary>
    /// Reads an images file and its labels file into a dataset: one row of pixels in [0, 1] per image, and
    /// its label as the class-index target.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFileException">A file is not valid IDX of its kind, or the two hold different numbers of items.</exception>
    public static Dataset Load(string imagesPath, string labelsPath)
    {
        IdxImages images = ReadImages(imagesPath);
        byte[] labels = ReadLabels(labelsPath);
        if (labels.Length != images.Count)
            throw new DataFileException(labelsPath,
                $"{labelsPath} holds {labels.Length} labels but {imagesPath} holds {images.Count} images; they must be a matching pair.");
        var targets = new float[labels.Length];
        for (int i = 0; i < labels.Length; i++) targets[i] = labels[i];
        return new Dataset(images.Pixels, images.PixelsPerImage, targets, 1);
    }

    private static (int[] Dimensions, byte[] Data) Read(string path, int expectedDimensions, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] file = Decompressed(path);
        if (file.Length < 4)
            throw new DataFileException(path, $"{path} is {file.Length} bytes long: too short for the 4-byte IDX magic number, so it is not an IDX file.");
        if (file[0] != 0 || file[1] != 0)
            throw new DataFileException(path,
                $"{path} does not start with an IDX magic number: its first two bytes are 0x{file[0]:X2} 0x{file[1]:X2}, not 0x00 0x00.");
        if (file[2] != UnsignedByte)
            throw new DataFileException(path,
                $"{path} holds values of IDX type 0x{file[2]:X2}; only unsigned bytes (0x08), as MNIST-style {what} use, are read.");
        if (file[3] != expectedDimensions)
            throw new DataFileException(path,
                $"{path} has {file[3]} dimension(s), but {what} have {expectedDimensions}: is it the other file of the pair?");

        int headerLength = 4 + 4 * expectedDimensions;
        if (file.Length < headerLength)
            throw new DataFileException(path,
                $"{path} is {file.Length} bytes long, but its header alone (magic number and {expectedDimensions} dimension size(s)) needs {headerLength}.");
        var dimensions = new int[expectedDimensions];
        long expectedData = 1;
        for (int d = 0; d < expectedDimensions; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(4 + 4 * d));
            if (size == 0 || size > int.MaxValue)
                throw new DataFileException(path, $"{path}: dimension {d} has size {size}; it must be in [1, {int.MaxValue}].");
            dimensions[d] = (int)size;
            expectedData *= size;
            if (expectedData > Array.MaxLength)
                throw new DataFileException(path, $"{path}: its dimensions ({string.Join(" x ", dimensions[..(d + 1)])}) describe more values than one array can hold.");
        }
        long actualData = file.Length - headerLength;
        if (actualData != expectedData)
            throw new DataFileException(path,
                $"{path}: its header gives {string.Join(" x ", dimensions)} = {expectedData} values, but {actualData} bytes follow the header ({(actualData < expectedData ? "truncated" : "trailing data")}).");
        return (dimensions, file.AsSpan(headerLength).ToArray());
    }

    // gzip streams start with 0x1F 0x8B (RFC 1952); an IDX file starts with 0x00 0x00, so the two never clash.
    private static byte[] Decompressed(string path)
    {
        byte[] raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B) return raw;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(path, $"{path} starts like a gzip file but does not decompress: {e.Message}");
        }
    }
}
