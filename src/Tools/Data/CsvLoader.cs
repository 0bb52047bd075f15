using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using NeuralDsl.Data;

namespace NeuralDsl.Tools.Data;

/// <summary>
/// Loads a CSV file with a header line into a <see cref="Dataset"/>: the columns named as features and
/// targets, numbers parsed in the invariant culture (a dot before decimals, whatever the machine's
/// language), categorical features one-hot encoded and class-label targets numbered. The whole file is
/// checked before anything is returned: a missing column, an empty field, a value that is not a finite
/// number, a row with a different number of fields than the header, or an empty file is a
/// <see cref="DataFileException"/> naming the file, the line and the column.
/// </summary>
/// <example>
/// <code>
/// CsvData data = CsvLoader.Load("penguins.csv", new CsvColumns
/// {
///     Targets = ["species"], TargetIsClassLabel = true, Categorical = ["island"],
/// });
/// var (train, test) = DataSplit.TrainTest(data.Dataset, testFraction: 0.2, seed: 1, stratify: true);
/// string label = data.Labels!.InverseTransform(predictedClass);
/// </code>
/// </example>
public static class CsvLoader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The column selection itself is invalid (see <see cref="CsvColumns"/>).</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="DataFileException">The file's content does not fit the selection.</exception>
    public static CsvData Load(string path, CsvColumns columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        columns.Validate();
        using var reader = new StreamReader(path);
        return Read(reader, path, columns);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="source"/> names it in error messages.</summary>
    /// <inheritdoc cref="Load(string, CsvColumns)" path="/exception"/>
    public static CsvData Load(TextReader reader, string source, CsvColumns columns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
        columns.Validate();
        return Read(reader, source, columns);
    }

    private static CsvData Read(TextReader reader, string source, CsvColumns columns)
    {
        var (header, rows, lines) = Records(reader, source, columns.Delimiter);
        int[] targetFields = columns.Targets.Select(name => Field(header, name, source)).ToArray();
        string[] featureColumns = columns.Features?.ToArray() ?? header.Where(name => !columns.Targets.Contains(name)).ToArray();
        if (featureColumns.Length == 0)
            throw new DataFileException(source, $"{source}, line 1 (header): every column is a target; there is no column left for the features.", 1);
        int[] featureFields = featureColumns.Select(name => Field(header, name, source)).ToArray();
        foreach (string name in columns.Categorical) Field(header, name, source);

        // Every data line must have the header's fields, checked first so that later errors can index freely.
        for (int r = 0; r < rows.Count; r++)
            if (rows[r].Length != header.Length)
                throw new DataFileException(source,
                    $"{source}, line {lines[r]}: {rows[r].Length} fields, but the header has {header.Length}.", lines[r]);

        var categories = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var featureNames = new List<string>();
        foreach (var (name, field) in featureColumns.Zip(featureFields))
        {
            if (columns.Categorical.Contains(name))
            {
                string[] values = Categories(rows, lines, field, name, source);
                categories[name] = values;
                featureNames.AddRange(values.Select(value => $"{name}={value}"));
            }
            else
            {
                featureNames.Add(name);
            }
        }

        var features = new float[rows.Count * featureNames.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            int offset = r * featureNames.Count;
            foreach (var (name, field) in featureColumns.Zip(featureFields))
            {
                if (categories.TryGetValue(name, out string[]? values))
                {
                    features[offset + Array.BinarySearch(values, rows[r][field], StringComparer.Ordinal)] = 1f;
                    offset += values.Length;
                }
                else
                {
                    features[offset++] = Number(rows[r][field], source, lines[r], name);
                }
            }
        }

        float[] targets;
        LabelEncoder<string>? labels = null;
        if (columns.TargetIsClassLabel)
        {
            string[] text = rows.Select((row, r) => NotEmpty(row[targetFields[0]], source, lines[r], columns.Targets[0])).ToArray();
            labels = new LabelEncoder<string>();
            targets = labels.FitTransform(text);
        }
        else
        {
            targets = new float[rows.Count * targetFields.Length];
            for (int r = 0; r < rows.Count; r++)
                for (int t = 0; t < targetFields.Length; t++)
                    targets[r * targetFields.Length + t] = Number(rows[r][targetFields[t]], source, lines[r], columns.Targets[t]);
        }

        var dataset = new Dataset(features, featureNames.Count, targets, targetFields.Length);
        return new CsvData(dataset, featureNames.ToArray(), columns.Targets.ToArray(), labels, categories);
    }

    // The header and the data records, with the line each record starts on.
    private static (string[] Header, List<string[]> Rows, List<int> Lines) Records(TextReader text, string source, char delimiter)
    {
        CsvReaderOptions options = CsvReaderOptions.Default with
        {
            Separator = delimiter,
            DetectSeparatorHint = false,
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        using CsvReader reader = CsvReader.Create(text, options, leaveOpen: true);
        string[] header;
        var rows = new List<string[]>();
        var lines = new List<int>();
        try
        {
            header = reader.Headers.ToArray();
            if (header.Length == 0)
                throw new DataFileException(source, $"{source} is empty: expected a header line naming the columns, then one line per sample.");
            CheckHeader(header, source);
            while (reader.Read())
            {
                var record = new string[reader.FieldCount];
                for (int f = 0; f < record.Length; f++) record[f] = reader.GetString(f);
                rows.Add(record);
                lines.Add((int)reader.LineNumber);
            }
        }
        catch (CsvFormatException e)
        {
            throw new DataFileException(source, $"{source}, line {e.LineNumber}: {e.Message}", (int)e.LineNumber);
        }
        if (rows.Count == 0)
            throw new DataFileException(source, $"{source}, line 1: the file has a header but no data lines.", 1);
        return (header, rows, lines);
    }

    private static void CheckHeader(string[] header, string source)
    {
        const int line = 1;
        for (int i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
                throw new DataFileException(source, $"{source}, line {line} (header): column {i + 1} has no name.", line);
            for (int j = 0; j < i; j++)
                if (header[j] == header[i])
                    throw new DataFileException(source, $"{source}, line {line} (header): the column name '{header[i]}' appears twice (columns {j + 1} and {i + 1}).", line, header[i]);
        }
    }

    private static int Field(string[] header, string name, string source)
    {
        int field = Array.IndexOf(header, name);
        if (field < 0)
            throw new DataFileException(source,
                $"{source}, line 1 (header): there is no column named '{name}'; the columns are: {string.Join(", ", header)}.", 1, name);
        return field;
    }

    private static string[] Categories(List<string[]> rows, List<int> lines, int field, string name, string source)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        for (int r = 0; r < rows.Count; r++)
            values.Add(NotEmpty(rows[r][field], source, lines[r], name));
        return values.ToArray();
    }

    private static string NotEmpty(string value, string source, int line, string column) =>
        value.Length > 0 ? value : throw new DataFileException(source, $"{source}, line {line}, column '{column}': the value is empty.", line, column);

    private static float Number(string text, string source, int line, string column)
    {
        NotEmpty(text, source, line, column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new DataFileException(source, $"{source}, line {line}, column '{column}': \"{text}\" is not a number.", line, column);
        float single = (float)value;
        if (!float.IsFinite(single))
            throw new DataFileException(source,
                $"{source}, line {line}, column '{column}': \"{text}\" is not a finite single-precision number.", line, column);
        return single;
    }
}
