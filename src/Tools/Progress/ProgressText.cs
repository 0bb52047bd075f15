using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NeuralDsl.Training;

namespace NeuralDsl.Tools.Progress;

/// <summary>
/// The text of the progress lines, Keras' layout: <c>Epoch 3/50 - 41/41 - 4ms - loss: 0.2311 - ...</c>,
/// epochs counted from 1 as Keras prints them, values with four decimals.
/// </summary>
internal static class ProgressText
{
    /// <summary>Cells of the batch bar.</summary>
    public const int BarWidth = 20;

    public static string EpochHead(int epoch, int epochs) =>
        string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch + 1}/{epochs}");

    /// <summary>What follows the bar during an epoch: batches done, time left in the epoch, running mean loss.</summary>
    public static string BatchTail(int done, int total, double etaSeconds, double meanLoss) =>
        string.Create(CultureInfo.InvariantCulture, $"{done}/{total} - ETA {Duration(etaSeconds)} - loss: {Value(meanLoss)}");

    /// <summary>
    /// The epoch's summary: batches, time, every recorded series (training ones first, then validation
    /// ones), and the time the remaining epochs would take at the mean pace so far (early stopping may end sooner).
    /// </summary>
    public static string EpochTail(int batches, double seconds, EpochReport report, double etaSeconds)
    {
        var text = new StringBuilder();
        text.Append(batches.ToString(CultureInfo.InvariantCulture)).Append('/').Append(batches.ToString(CultureInfo.InvariantCulture));
        text.Append(" - ").Append(Duration(seconds));
        History history = report.History;
        int row = history.EpochCount - 1;
        IReadOnlyList<string> names = history.SeriesNames;
        if (row >= 0)
            foreach (bool validation in new[] { false, true })
                foreach (string name in names)
                    if (name.StartsWith("val_", StringComparison.Ordinal) == validation)
                        text.Append(" - ").Append(name).Append(": ").Append(Value(history.Value(name, row)));
        if (report.Epoch + 1 < report.Epochs) text.Append(" - ETA ").Append(Duration(etaSeconds));
        return text.ToString();
    }

    /// <summary>The bar's filled and empty parts for <paramref name="done"/> of <paramref name="total"/>.</summary>
    public static (string Filled, string Empty) Bar(int done, int total, bool unicode)
    {
        int cells = total <= 0 ? BarWidth : (int)((long)BarWidth * Math.Clamp(done, 0, total) / total);
        return unicode
            ? (new string('━', cells), new string('━', BarWidth - cells))
            : (new string('=', cells), new string('.', BarWidth - cells));
    }

    /// <summary>A loss or metric value: four decimals, scientific notation when that would hide it.</summary>
    public static string Value(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        double magnitude = Math.Abs(value);
        return value == 0 || (magnitude >= 1e-3 && magnitude < 1e6)
            ? value.ToString("0.0000", CultureInfo.InvariantCulture)
            : value.ToString("0.000e+00", CultureInfo.InvariantCulture);
    }

    /// <summary>A duration as a person reads it: <c>3.2ms</c>, <c>41ms</c>, <c>1.4s</c>, <c>2m05s</c>.</summary>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds < 0) return "?";
        double ms = seconds * 1000;
        if (ms < 10) return ms.ToString("0.0", CultureInfo.InvariantCulture) + "ms";
        if (ms < 1000) return ms.ToString("0", CultureInfo.InvariantCulture) + "ms";
        if (seconds < 60) return seconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
        long whole = (long)Math.Round(seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{whole / 60}m{whole % 60:00}s");
    }
}
