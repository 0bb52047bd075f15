using System;
using System.Globalization;
using NeuralDsl.Data;

namespace NeuralDsl.Reports;

/// <summary>Class indices read back from a dataset's targets, for <see cref="ClassificationReport"/> and the other class metrics.</summary>
public static class ClassLabels
{
    /// <summary>
    /// The class of each sample of <paramref name="data"/>: with one target per sample, the target itself
    /// (a class index, or a binary 0/1 target, read as 1 from 0.5 up); with several, the index of the
    /// largest (one-hot targets).
    /// </summary>
    public static int[] Of(Dataset data)
    {
        if (data is null) throw new ArgumentNullException(nameof(data));
        ReadOnlySpan<float> targets = data.Targets;
        int size = data.TargetSize;
        int[] labels = new int[data.Count];
        for (int n = 0; n < labels.Length; n++)
        {
            if (size > 1)
            {
                labels[n] = Training.Metrics.ArgMax(targets.Slice(n * size, size));
                continue;
            }
            float target = targets[n];
            if (target >= 0f && target < 1f) labels[n] = target >= 0.5f ? 1 : 0;
            else if (target >= 1f && target <= int.MaxValue && target == MathF.Floor(target)) labels[n] = (int)target;
            else throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Target {n} is {target}, not a class index."), nameof(data));
        }
        return labels;
    }
}
