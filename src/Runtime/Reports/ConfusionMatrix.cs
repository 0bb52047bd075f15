using System;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Reports;

/// <summary>
/// Counts of (actual, predicted) class pairs, scikit-learn's layout: row = actual class, column =
/// predicted class, so the diagonal holds the correct predictions.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts; // [actual, predicted]

    private ConfusionMatrix(int classes, long[] counts, string[] names)
    {
        Classes = classes;
        _counts = counts;
        Names = names;
    }

    /// <summary>Number of classes (rows and columns).</summary>
    public int Classes { get; }

    /// <summary>The class names, or their indices as text.</summary>
    public string[] Names { get; }

    /// <summary>Samples of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted]
    {
        get
        {
            if ((uint)actual >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(actual), actual, $"Classes are 0 to {Classes - 1}.");
            if ((uint)predicted >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(predicted), predicted, $"Classes are 0 to {Classes - 1}.");
            return _counts[actual * Classes + predicted];
        }
    }

    /// <summary>Number of samples counted.</summary>
    public long Total { get; private init; }

    /// <summary>Samples whose actual class is <paramref name="c"/> (the row sum).</summary>
    public long Support(int c) => Sum(c, row: true);

    /// <summary>Samples predicted as class <paramref name="c"/> (the column sum).</summary>
    public long PredictedCount(int c) => Sum(c, row: false);

    /// <summary>Correct predictions (the diagonal sum).</summary>
    public long Correct
    {
        get
        {
            long sum = 0;
            for (int c = 0; c < Classes; c++) sum += _counts[c * Classes + c];
            return sum;
        }
    }

    /// <summary>
    /// Counts the pairs of <paramref name="actual"/> and <paramref name="predicted"/> class indices, each in
    /// [0, <paramref name="classes"/>). <paramref name="names"/>, if given, has one name per class.
    /// </summary>
    public static ConfusionMatrix Create(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classes, string[]? names = null)
    {
        string[] labels = CheckLabels(actual, predicted, classes, names);
        long[] counts = new long[classes * classes];
        for (int i = 0; i < actual.Length; i++) counts[actual[i] * classes + predicted[i]]++;
        return new ConfusionMatrix(classes, counts, labels) { Total = actual.Length };
    }

    /// <summary>The matrix as text: a row per actual class, a column per predicted class, the counts right-aligned.</summary>
    public override string ToString()
    {
        string[] headers = new string[Classes + 1];
        bool[] right = new bool[Classes + 1];
        headers[0] = "actual \\ predicted";
        for (int c = 0; c < Classes; c++)
        {
            headers[c + 1] = Names[c];
            right[c + 1] = true;
        }
        var table = new TextTable(headers, right);
        for (int a = 0; a < Classes; a++)
        {
            string[] cells = new string[Classes + 1];
            cells[0] = Names[a];
            for (int p = 0; p < Classes; p++) cells[p + 1] = _counts[a * Classes + p].ToString(CultureInfo.InvariantCulture);
            table.Add(cells);
        }
        var text = new StringBuilder();
        table.AppendTo(text);
        return text.ToString();
    }

    /// <summary>Checks the lengths, the class count, the indices and the names; returns the names to print.</summary>
    internal static string[] CheckLabels(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classes, string[]? names)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "There must be at least one class.");
        if (actual.Length != predicted.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {actual.Length} actual classes but {predicted.Length} predicted ones; pass one of each per sample."), nameof(predicted));
        if (actual.Length == 0) throw new ArgumentException("There are no samples.", nameof(actual));
        CheckRange(actual, classes, nameof(actual));
        CheckRange(predicted, classes, nameof(predicted));
        if (names is null)
        {
            names = new string[classes];
            for (int c = 0; c < classes; c++) names[c] = c.ToString(CultureInfo.InvariantCulture);
            return names;
        }
        if (names.Length != classes)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {names.Length} class names for {classes} classes."), nameof(names));
        for (int c = 0; c < classes; c++)
            if (names[c] is null) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Class name {c} is null."), nameof(names));
        return (string[])names.Clone();
    }

    private static void CheckRange(ReadOnlySpan<int> labels, int classes, string name)
    {
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(name, labels[i], string.Create(CultureInfo.InvariantCulture, $"Sample {i} has class {labels[i]}; classes are 0 to {classes - 1}."));
    }

    private long Sum(int c, bool row)
    {
        if ((uint)c >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(c), c, $"Classes are 0 to {Classes - 1}.");
        long sum = 0;
        for (int k = 0; k < Classes; k++) sum += row ? _counts[c * Classes + k] : _counts[k * Classes + c];
        return sum;
    }
}
