using System;
using NeuralDsl.Reports;

namespace Samples.BreastCancer;

/// <summary>How well probabilities of the positive class (1) match the actual classes, at a 0.5 threshold and over all thresholds.</summary>
/// <param name="Accuracy">Share of samples classified correctly.</param>
/// <param name="Precision">Of the samples predicted positive, the share that are.</param>
/// <param name="Recall">Of the positive samples, the share predicted positive.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="RocAuc">Area under the ROC curve of the probabilities (threshold-free).</param>
public sealed record BinaryScores(double Accuracy, double Precision, double Recall, double F1, double RocAuc)
{
    /// <summary>Scores <paramref name="probabilities"/> of class 1 against <paramref name="actual"/> classes (0 or 1).</summary>
    public static BinaryScores Of(int[] actual, float[] probabilities)
    {
        var predicted = new int[probabilities.Length];
        for (int i = 0; i < predicted.Length; i++) predicted[i] = probabilities[i] >= 0.5f ? 1 : 0;
        var report = ClassificationReport.Create(actual, predicted, classes: 2);
        ClassScores positive = report.Classes[1];
        return new BinaryScores(report.Accuracy, positive.Precision, positive.Recall, positive.F1, NeuralDsl.Reports.RocAuc.Compute(actual, probabilities));
    }

    /// <summary>One line: accuracy, precision, recall, F1 and ROC AUC.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"accuracy {Accuracy:P2}  precision {Precision:F4}  recall {Recall:F4}  F1 {F1:F4}  ROC AUC {RocAuc:F4}");
}
