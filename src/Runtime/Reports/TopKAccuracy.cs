using System;
using System.Globalization;

namespace NeuralDsl.Reports;

/// <summary>Top-k accuracy: the fraction of samples whose actual class is among the <c>k</c> highest scores.</summary>
public static class TopKAccuracy
{
    /// <summary>
    /// Computes the top-<paramref name="k"/> accuracy of <paramref name="scores"/> ([samples, classes],
    /// row-major: probabilities or logits, any monotone score) against the <paramref name="actual"/> class
    /// indices. Ties are broken as scikit-learn's <c>top_k_accuracy_score</c> breaks them: among equal
    /// scores the higher class index ranks first. A <paramref name="k"/> of at least the class count gives 1. NaN scores are refused.
    /// </summary>
    public static double Compute(ReadOnlySpan<int> actual, ReadOnlySpan<float> scores, int classes, int k)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "Top-k accuracy needs at least two classes.");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        if (actual.Length == 0) throw new ArgumentException("There are no samples.", nameof(actual));
        if (scores.Length != actual.Length * (long)classes)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {scores.Length} scores for {actual.Length} samples of {classes} classes; expected {actual.Length * (long)classes}."), nameof(scores));
        long hits = 0;
        for (int n = 0; n < actual.Length; n++)
        {
            int label = actual[n];
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(actual), label, string.Create(CultureInfo.InvariantCulture, $"Sample {n} has class {label}; classes are 0 to {classes - 1}."));
            ReadOnlySpan<float> row = scores.Slice(n * classes, classes);
            for (int c = 0; c < classes; c++)
                if (float.IsNaN(row[c])) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Sample {n} has a NaN score (class {c})."), nameof(scores));
            if (IsHit(row, label, k)) hits++;
        }
        return (double)hits / actual.Length;
    }

    /// <summary>Whether <paramref name="label"/> ranks among the <paramref name="k"/> highest of <paramref name="row"/> (higher index first on ties).</summary>
    internal static bool IsHit(ReadOnlySpan<float> row, int label, int k)
    {
        float own = row[label];
        int ahead = 0;
        for (int c = 0; c < row.Length; c++)
            if (row[c] > own || (row[c] == own && c > label)) ahead++;
        return ahead < k;
    }
}
