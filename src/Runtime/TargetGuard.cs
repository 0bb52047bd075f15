using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NeuralDsl;

/// <summary>
/// The one check of targets against a loss, shared by <c>Fit</c>/<c>Evaluate</c> (over a whole dataset)
/// and the generated <c>ComputeLoss</c>, <c>ComputeGradients</c> and <c>TrainStep</c> (over a batch), so
/// that every entry point refuses the same targets with the same message.
/// </summary>
internal static class TargetGuard
{
    /// <summary>Throws on the first target row <paramref name="loss"/> cannot take; <paramref name="source"/> (" of the train data") follows "Sample n" in the message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ReadOnlySpan<float> targets, Loss loss, int targetSize, int classes, string parameterName, string source)
    {
        switch (loss)
        {
            case Loss.SparseCategoricalCrossEntropy:
                for (int i = 0; i < targets.Length; i++)
                {
                    float t = targets[i];
                    if (!(t >= 0f && t < classes && t == MathF.Floor(t)))
                        throw Refuse(parameterName, $"Sample {i}{source} has target {t}, which is not a class index in [0, {classes}).");
                }
                break;
            case Loss.BinaryCrossEntropy:
                for (int i = 0; i < targets.Length; i++)
                    if (!(targets[i] >= 0f && targets[i] <= 1f))
                        throw Refuse(parameterName, $"Sample {i / targetSize}{source}, target column {i % targetSize} is {targets[i]}; binary cross-entropy needs targets in [0, 1].");
                break;
            case Loss.CategoricalCrossEntropy:
                for (int row = 0; row < targets.Length / targetSize; row++)
                {
                    ReadOnlySpan<float> y = targets.Slice(row * targetSize, targetSize);
                    float sum = 0f;
                    for (int j = 0; j < y.Length; j++)
                    {
                        if (!(y[j] >= 0f && y[j] <= 1f))
                            throw Refuse(parameterName, $"Sample {row}{source}, target column {j} is {y[j]}; categorical cross-entropy needs a distribution over the classes (one-hot or soft labels in [0, 1]).");
                        sum += y[j];
                    }
                    if (!(MathF.Abs(sum - 1f) <= NetworkGuard.DistributionTolerance))
                        throw Refuse(parameterName, $"Sample {row}{source} has targets summing to {sum}; categorical cross-entropy needs a distribution over the classes (one-hot or soft labels summing to 1, within {NetworkGuard.DistributionTolerance}).");
                }
                break;
            case Loss.Hinge:
                for (int i = 0; i < targets.Length; i++)
                    if (targets[i] is not (1f or -1f))
                        throw Refuse(parameterName, $"Sample {i / targetSize}{source}, target column {i % targetSize} is {targets[i]}; the hinge loss needs targets of -1 or +1 (for 0/1 labels pass 2y - 1).");
                break;
        }
    }

    private static ArgumentException Refuse(string parameterName, FormattableString message) =>
        new(message.ToString(CultureInfo.InvariantCulture), parameterName);
}
