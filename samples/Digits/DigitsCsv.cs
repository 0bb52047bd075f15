using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using NeuralDsl.Data;

namespace Samples.Digits;

/// <summary>
/// Reads samples/data/digits.csv.gz (scikit-learn's 8x8 digits): one digit per line, 64 pixel values
/// (0 to 16, row by row) then the label (0 to 9), comma-separated, no header.
/// </summary>
public static class DigitsCsv
{
    /// <summary>Pixels per image.</summary>
    public const int Pixels = 64;

    /// <summary>Reads every row: features are the raw pixel values, the target is the digit.</summary>
    /// <exception cref="InvalidDataException">A line does not hold 64 pixels and a label, or a value is not a number.</exception>
    public static Dataset Load(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string[] lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var features = new float[lines.Length * Pixels];
        var labels = new float[lines.Length];
        for (int row = 0; row < lines.Length; row++)
        {
            string[] values = lines[row].Split(',');
            if (values.Length != Pixels + 1)
                throw new InvalidDataException($"{path}, line {row + 1}: {values.Length} values, expected {Pixels} pixels and a label.");
            for (int v = 0; v <= Pixels; v++)
            {
                if (!float.TryParse(values[v], NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
                    throw new InvalidDataException($"{path}, line {row + 1}: value {v + 1} (\"{values[v]}\") is not a number.");
                if (v < Pixels) features[row * Pixels + v] = value;
                else labels[row] = value;
            }
        }
        return new Dataset(features, Pixels, labels, 1);
    }
}
