using System;
using System.Runtime.CompilerServices;

namespace NeuralDsl.Training;

/// <summary>What a <see cref="Metrics"/> entry measures over a batch of outputs and targets.</summary>
public enum Metric
{
    /// <summary>
    /// Accuracy chosen from the loss as Keras does: sparse for sparse targets, categorical (argmax) for
    /// categorical cross-entropy, binary (threshold 0.5, per output; 0 on logits) for binary cross-entropy,
    /// and for hinge the sign against -1/+1 targets. Not defined for regression losses.
    /// </summary>
    Accuracy = 0,

    /// <summary>Mean absolute error over every output.</summary>
    MeanAbsoluteError = 1,

    /// <summary>Mean squared error over every output.</summary>
    MeanSquaredError = 2,

    /// <summary>
    /// Top-5 accuracy (Keras' <c>top_k_categorical_accuracy</c> at its default k of 5): a hit when the
    /// actual class is among the five highest outputs, ties broken as <see cref="Reports.TopKAccuracy"/>
    /// (scikit-learn's rule). For sparse and categorical cross-entropy; other k: <see cref="Reports.TopKAccuracy.Compute"/>.
    /// </summary>
    TopFiveAccuracy = 3,
}

/// <summary>Per-batch metric arithmetic: each function returns a sum and a count so batches of any size combine exactly.</summary>
public static class Metrics
{
    /// <summary>The name used in <see cref="History"/> and progress reports (Keras' names).</summary>
    public static string NameOf(Metric metric) => metric switch
    {
        Metric.Accuracy => "accuracy",
        Metric.MeanAbsoluteError => "mae",
        Metric.MeanSquaredError => "mse",
        Metric.TopFiveAccuracy => "top_5_accuracy",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>Throws <see cref="InvalidOperationException"/> if <paramref name="metric"/> is not defined for the network's loss and targets.</summary>
    public static void Check(Metric metric, Loss loss, int targetSize, int outputSize)
    {
        switch (metric)
        {
            case Metric.Accuracy when loss is not (Loss.SparseCategoricalCrossEntropy or Loss.CategoricalCrossEntropy or Loss.BinaryCrossEntropy or Loss.Hinge):
                throw new InvalidOperationException($"Accuracy is not defined for {loss}, a regression loss; use MeanAbsoluteError or MeanSquaredError.");
            case Metric.MeanAbsoluteError or Metric.MeanSquaredError when targetSize != outputSize:
                throw new InvalidOperationException($"{NameOf(metric)} needs one target per output; the targets are class indices.");
            case Metric.TopFiveAccuracy when loss is not (Loss.SparseCategoricalCrossEntropy or Loss.CategoricalCrossEntropy):
                throw new InvalidOperationException($"Top-5 accuracy ranks class outputs: it needs sparse or categorical cross-entropy, not {loss}.");
            case not (Metric.Accuracy or Metric.MeanAbsoluteError or Metric.MeanSquaredError or Metric.TopFiveAccuracy):
                throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a defined metric.");
        }
    }

    /// <summary>
    /// Adds the batch's contribution to <paramref name="sum"/> and <paramref name="count"/>; the metric is <c>sum / count</c>.
    /// <paramref name="outputs"/> is [batch, outputSize]; <paramref name="targets"/> is [batch, targetSize].
    /// <paramref name="fromLogits"/> says the outputs are logits (<see cref="ITrainableNetwork.FromLogits"/>),
    /// so binary accuracy thresholds them at 0 rather than 0.5.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Accumulate(Metric metric, Loss loss, ReadOnlySpan<float> outputs, int outputSize,
        ReadOnlySpan<float> targets, int targetSize, ref double sum, ref long count, bool fromLogits = false)
    {
        int batch = outputs.Length / outputSize;
        switch (metric)
        {
            case Metric.MeanAbsoluteError or Metric.MeanSquaredError:
                if (targetSize != outputSize) throw new InvalidOperationException($"{NameOf(metric)} needs one target per output; the targets are class indices.");
                for (int i = 0; i < outputs.Length; i++)
                {
                    double d = outputs[i] - targets[i];
                    sum += metric == Metric.MeanAbsoluteError ? Math.Abs(d) : d * d;
                }
                count += outputs.Length;
                return;
            case Metric.TopFiveAccuracy:
                for (int n = 0; n < batch; n++)
                {
                    int label = loss == Loss.CategoricalCrossEntropy ? ArgMax(targets.Slice(n * targetSize, targetSize)) : (int)targets[n];
                    if (Reports.TopKAccuracy.IsHit(outputs.Slice(n * outputSize, outputSize), label, 5)) sum++;
                }
                count += batch;
                return;
            case Metric.Accuracy:
                AccumulateAccuracy(loss, outputs, outputSize, targets, targetSize, batch, fromLogits ? 0f : 0.5f, ref sum, ref count);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(metric), metric, null);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateAccuracy(Loss loss, ReadOnlySpan<float> outputs, int outputSize,
        ReadOnlySpan<float> targets, int targetSize, int batch, float binaryThreshold, ref double sum, ref long count)
    {
        switch (loss)
        {
            case Loss.SparseCategoricalCrossEntropy:
                for (int n = 0; n < batch; n++)
                    if (ArgMax(outputs.Slice(n * outputSize, outputSize)) == (int)targets[n]) sum++;
                count += batch;
                return;
            case Loss.CategoricalCrossEntropy:
                for (int n = 0; n < batch; n++)
                    if (ArgMax(outputs.Slice(n * outputSize, outputSize)) == ArgMax(targets.Slice(n * targetSize, targetSize))) sum++;
                count += batch;
                return;
            case Loss.BinaryCrossEntropy:
                for (int i = 0; i < outputs.Length; i++)
                    if ((outputs[i] >= binaryThreshold) == (targets[i] >= 0.5f)) sum++;
                count += outputs.Length;
                return;
            case Loss.Hinge:
                for (int i = 0; i < outputs.Length; i++)
                    if ((outputs[i] >= 0f) == (targets[i] > 0f)) sum++;
                count += outputs.Length;
                return;
            default:
                throw new InvalidOperationException($"Accuracy is not defined for {loss}; use MeanAbsoluteError or MeanSquaredError.");
        }
    }

    /// <summary>Index of the largest value (the first one on ties).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}
