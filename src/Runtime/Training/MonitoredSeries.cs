using System;

namespace NeuralDsl.Training;

/// <summary>
/// The rules <see cref="EarlyStopping"/> and <see cref="ModelCheckpoint"/> share for a monitored series:
/// its argument checks, which direction is better, and what counts as an improvement (Keras' rule).
/// </summary>
internal static class MonitoredSeries
{
    /// <summary>Refuses an empty series name or a negative or NaN minimum change.</summary>
    public static void Check(string monitor, float minDelta)
    {
        if (string.IsNullOrWhiteSpace(monitor)) throw new ArgumentException("Name the series to monitor, such as \"val_loss\".", nameof(monitor));
        if (!(minDelta >= 0f)) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "The minimum change must not be negative.");
    }

    /// <summary>Whether larger is better: as given, else inferred from the name (accuracies are maximised, losses minimised).</summary>
    public static bool Maximize(string monitor, bool? maximize) => maximize ?? monitor.EndsWith("accuracy", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="value"/> beats <paramref name="best"/> (NaN: nothing yet) by more than <paramref name="minDelta"/>.</summary>
    public static bool IsImprovement(double value, double best, bool maximize, float minDelta) =>
        !double.IsNaN(value) && (double.IsNaN(best) || (maximize ? value > best + minDelta : value < best - minDelta));
}
