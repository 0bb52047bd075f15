using System;
using System.Globalization;

namespace NeuralDsl.Data;

/// <summary>
/// Converts between sparse class indices (one float per sample, as a target size of 1 stores them) and
/// one-hot rows (one float per class per sample).
/// </summary>
/// <example>
/// <code>
/// float[] oneHot = new float[labels.Length * 3];
/// OneHot.Encode(labels, classes: 3, oneHot);            // 2 → [0, 0, 1]
/// OneHot.Decode(predictions, classes: 3, labels);        // [0.1, 0.7, 0.2] → 1
/// </code>
/// </example>
public static class OneHot
{
    /// <summary>
    /// Writes one row of <paramref name="classes"/> floats per index into <paramref name="destination"/>:
    /// 1 at the index, 0 elsewhere. Every index is checked before anything is written.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is not <c>classIndices.Length * classes</c> long or overlaps the indices,
    /// or an index is not a whole number in [0, <paramref name="classes"/>).
    /// </exception>
    public static void Encode(ReadOnlySpan<float> classIndices, int classes, Span<float> destination)
    {
        if (classes <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "Must be positive.");
        if (destination.Length != (long)classIndices.Length * classes)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Expected {(long)classIndices.Length * classes} values ({classIndices.Length} samples x {classes} classes) but got {destination.Length}."),
                nameof(destination));
        if (classIndices.Overlaps(destination))
            throw new ArgumentException("The destination overlaps the class indices; pass separate buffers.", nameof(destination));
        for (int i = 0; i < classIndices.Length; i++)
        {
            float index = classIndices[i];
            if (!(index >= 0f && index < classes && index == MathF.Floor(index)))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Sample {i} has class index {index}, which is not a whole number in [0, {classes})."),
                    nameof(classIndices));
        }

        destination.Clear();
        for (int i = 0; i < classIndices.Length; i++)
            destination[i * classes + (int)classIndices[i]] = 1f;
    }

    /// <summary>
    /// Writes the class of each row of <paramref name="scores"/> (one-hot targets, probabilities or raw
    /// outputs) into <paramref name="classIndices"/>: the index of its largest value, the first on ties
    /// (a NaN counts as largest, as in numpy).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="scores"/> is not a whole number of rows, <paramref name="classIndices"/> does not have
    /// one value per row, or the two overlap.
    /// </exception>
    public static void Decode(ReadOnlySpan<float> scores, int classes, Span<float> classIndices)
    {
        if (classes <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "Must be positive.");
        if (scores.Length % classes != 0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected a multiple of {classes} (classes) values, one row per sample, but got {scores.Length}."),
                nameof(scores));
        int samples = scores.Length / classes;
        if (classIndices.Length != samples)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The scores hold {samples} samples, so expected {samples} class indices but got room for {classIndices.Length}."),
                nameof(classIndices));
        if (scores.Overlaps(classIndices))
            throw new ArgumentException("The class indices overlap the scores; pass separate buffers.", nameof(classIndices));

        for (int i = 0; i < samples; i++)
            classIndices[i] = DataGuard.ArgMax(scores.Slice(i * classes, classes));
    }

    /// <summary>The class of one row of scores: the index of its largest value, the first on ties.</summary>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is empty.</exception>
    public static int Decode(ReadOnlySpan<float> scores)
    {
        if (scores.IsEmpty)
            throw new ArgumentException("Expected at least one score.", nameof(scores));
        return DataGuard.ArgMax(scores);
    }
}
