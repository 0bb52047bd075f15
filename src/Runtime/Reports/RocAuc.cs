using System;
using System.Globalization;

namespace NeuralDsl.Reports;

/// <summary>The area under the ROC curve of a binary classifier.</summary>
public static class RocAuc
{
    /// <summary>
    /// The area under the ROC curve of <paramref name="scores"/> (higher means class 1: a sigmoid output,
    /// a logit or any monotone score) against <paramref name="actual"/> labels 0 and 1, as scikit-learn's
    /// <c>roc_auc_score</c> computes it: one ROC point per distinct score, so tied scores form one
    /// diagonal segment, and the trapezoid rule over the curve (a tied positive and negative pair counts
    /// one half). Both classes must occur.
    /// </summary>
    public static double Compute(ReadOnlySpan<int> actual, ReadOnlySpan<float> scores)
    {
        if (actual.Length != scores.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {actual.Length} labels but {scores.Length} scores; pass one of each per sample."), nameof(scores));
        long positives = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            if (actual[i] is not (0 or 1))
                throw new ArgumentOutOfRangeException(nameof(actual), actual[i], string.Create(CultureInfo.InvariantCulture, $"Sample {i} has label {actual[i]}; ROC AUC is for binary labels 0 and 1."));
            if (float.IsNaN(scores[i])) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Sample {i} has a NaN score."), nameof(scores));
            positives += actual[i];
        }
        long negatives = actual.Length - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException("ROC AUC is not defined when only one class occurs among the labels: it needs positive and negative samples.", nameof(actual));

        int[] order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        float[] keys = scores.ToArray();
        Array.Sort(keys, order);

        // Walk the thresholds from the highest score down; each distinct score adds one ROC point.
        double area = 0;
        long tp = 0, fp = 0, previousTp = 0, previousFp = 0;
        for (int i = order.Length - 1; i >= 0; i--)
        {
            if (actual[order[i]] == 1) tp++;
            else fp++;
            if (i > 0 && keys[i - 1] == keys[i]) continue;
            area += (double)(fp - previousFp) * (tp + previousTp) / 2;
            previousTp = tp;
            previousFp = fp;
        }
        return area / ((double)positives * negatives);
    }
}
