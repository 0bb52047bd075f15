using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Data;
using NeuralDsl.Tools.Data;

namespace NeuralDsl.Tools.Tests.Data;

/// <summary>
/// IdxReader against files written by Files/make_idx_files.py and read back by numpy there
/// (idx_expected.json), and against broken files built here byte by byte from the format's description.
/// </summary>
public sealed class IdxReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("idx-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonElement Expected() => JsonDocument.Parse(File.ReadAllText(TestFiles.Path("idx_expected.json"))).RootElement;

    [Theory]
    [InlineData("tiny-images-idx3-ubyte")]
    [InlineData("tiny-images-gzip-named-plain")]
    public void Images_match_numpys_reading_of_the_same_file(string name)
    {
        JsonElement expected = Expected();
        IdxImages images = IdxReader.ReadImages(TestFiles.Path(name));

        Assert.Equal(expected.GetProperty("count").GetInt32(), images.Count);
        Assert.Equal(expected.GetProperty("rows").GetInt32(), images.Rows);
        Assert.Equal(expected.GetProperty("columns").GetInt32(), images.Columns);
        float[] pixels = expected.GetProperty("pixels").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        Assert.Equal(pixels, images.Pixels);
    }

    [Theory]
    [InlineData("tiny-labels-idx1-ubyte")]
    [InlineData("tiny-labels-idx1-ubyte.gz")]
    public void Labels_match_numpys_reading_of_the_same_file(string name)
    {
        int[] expected = Expected().GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(expected, IdxReader.ReadLabels(TestFiles.Path(name)).Select(b => (int)b));
    }

    [Fact]
    public void Load_pairs_each_image_row_with_its_label()
    {
        JsonElement expected = Expected();
        Dataset data = IdxReader.Load(TestFiles.Path("tiny-images-gzip-named-plain"), TestFiles.Path("tiny-labels-idx1-ubyte"));

        Assert.Equal(3, data.Count);
        Assert.Equal(6, data.FeatureSize);
        Assert.Equal(1, data.TargetSize);
        Assert.Equal(expected.GetProperty("pixels").EnumerateArray().Select(e => (float)e.GetDouble()), data.Features.ToArray());
        Assert.Equal(expected.GetProperty("labels").EnumerateArray().Select(e => (float)e.GetInt32()), data.Targets.ToArray());
    }

    // Builds an IDX file as the format describes it: 0, 0, type, dimension count, big-endian sizes, values.
    private string Write(string name, byte type, int[] dimensions, int valueBytes, bool gzip = false, int? dimensionByte = null)
    {
        var content = new byte[4 + 4 * dimensions.Length + valueBytes];
        content[2] = type;
        content[3] = (byte)(dimensionByte ?? dimensions.Length);
        for (int d = 0; d < dimensions.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(content.AsSpan(4 + 4 * d), dimensions[d]);
        string path = Path.Combine(_directory, name);
        if (gzip)
        {
            using var file = File.Create(path);
            using var compressor = new GZipStream(file, CompressionLevel.Fastest);
            compressor.Write(content);
        }
        else
        {
            File.WriteAllBytes(path, content);
        }
        return path;
    }

    private static DataFileException Fails(Action read, string path, params string[] phrases)
    {
        var e = Assert.Throws<DataFileException>(read);
        Assert.Equal(path, e.File);
        Assert.Contains(path, e.Message);
        foreach (string phrase in phrases) Assert.Contains(phrase, e.Message);
        return e;
    }

    [Fact]
    public void Truncated_pixels_are_refused_with_both_lengths()
    {
        string path = Write("short", 0x08, [2, 2, 2], valueBytes: 7);
        Fails(() => IdxReader.ReadImages(path), path, "2 x 2 x 2 = 8 values", "7 bytes", "truncated");
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        string path = Write("long.gz", 0x08, [3], valueBytes: 4, gzip: true);
        Fails(() => IdxReader.ReadLabels(path), path, "3 = 3 values", "4 bytes", "trailing data");
    }

    [Fact]
    public void A_file_that_is_not_idx_is_refused_by_its_magic_number()
    {
        string path = Path.Combine(_directory, "text.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        Fails(() => IdxReader.ReadImages(path), path, "magic number", "0x61 0x2C");
    }

    [Fact]
    public void A_file_shorter_than_the_magic_number_is_refused()
    {
        string path = Path.Combine(_directory, "tiny");
        File.WriteAllBytes(path, [0, 0]);
        Fails(() => IdxReader.ReadLabels(path), path, "2 bytes long", "magic number");
    }

    [Fact]
    public void Another_value_type_is_refused_naming_its_code()
    {
        string path = Write("floats", 0x0D, [2], valueBytes: 8);
        Fails(() => IdxReader.ReadLabels(path), path, "type 0x0D", "unsigned bytes (0x08)");
    }

    [Fact]
    public void Swapped_images_and_labels_files_are_refused_by_their_dimension_count()
    {
        string labels = Write("labels", 0x08, [3], valueBytes: 3);
        Fails(() => IdxReader.ReadImages(labels), labels, "1 dimension(s)", "images ([count, rows, columns]) have 3");
        string images = Write("images", 0x08, [1, 2, 2], valueBytes: 4);
        Fails(() => IdxReader.ReadLabels(images), images, "3 dimension(s)", "labels ([count]) have 1");
    }

    [Fact]
    public void A_header_cut_short_is_refused()
    {
        string path = Write("cut", 0x08, [5], valueBytes: 0, dimensionByte: 3);
        Fails(() => IdxReader.ReadImages(path), path, "8 bytes long", "needs 16");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_dimension_of_zero_or_beyond_int_range_is_refused(int size)
    {
        string path = Write("zero", 0x08, [2, size, 2], valueBytes: 0);
        Fails(() => IdxReader.ReadImages(path), path, $"dimension 1 has size {(uint)size}");
    }

    [Fact]
    public void Dimensions_too_large_for_an_array_are_refused_before_allocating()
    {
        string path = Write("huge", 0x08, [65536, 65536, 2], valueBytes: 0);
        Fails(() => IdxReader.ReadImages(path), path, "65536 x 65536", "more values than one array can hold");
    }

    [Fact]
    public void A_corrupt_gzip_file_is_refused()
    {
        string path = Path.Combine(_directory, "broken.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xFF, 0xFF, 0xFF]);
        Fails(() => IdxReader.ReadLabels(path), path, "gzip");
    }

    [Fact]
    public void Images_and_labels_of_different_counts_are_refused()
    {
        string images = Write("images", 0x08, [2, 1, 1], valueBytes: 2);
        string labels = Write("labels", 0x08, [3], valueBytes: 3);
        Fails(() => IdxReader.Load(images, labels), labels, "3 labels", "2 images");
    }

    [Fact]
    public void A_missing_file_is_a_file_not_found()
    {
        string path = Path.Combine(_directory, "absent");
        Assert.Throws<FileNotFoundException>(() => IdxReader.ReadLabels(path));
    }
}
