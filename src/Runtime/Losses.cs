using System;
using System.Runtime.CompilerServices;

namespace NeuralDsl;

/// <summary>
/// Per-sample losses, as called by generated code. Each returns the sample's loss summed over its
/// outputs and, when <c>gradient</c> is not empty, writes the derivative times <c>scale</c> into it
/// (generated code passes <c>1 / batch</c> or <c>1 / (batch * outputs)</c> so that gradients of the
/// batch mean accumulate directly). The fused forms take the logits <c>z</c> and give the
/// derivative with respect to them, so large logits never produce NaN or infinity.
/// </summary>
public static class Losses
{
    /// <summary>Lower clamp of a probability inside a logarithm where the loss is not fused with its activation (Keras' epsilon).</summary>
    public const float ProbabilityEpsilon = 1e-7f;

    /// <summary>Sum of <c>(a - y)^2</c>; gradient <c>2 (a - y)</c>.</summary>
    public static float MeanSquaredError(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            float d = a[i] - y[i];
            loss += d * d;
            if (!gradient.IsEmpty) gradient[i] = 2f * d * scale;
        }
        return loss;
    }

    /// <summary>Sum of <c>|a - y|</c>; gradient <c>sign(a - y)</c> (0 where equal).</summary>
    public static float MeanAbsoluteError(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            float d = a[i] - y[i];
            loss += MathF.Abs(d);
            if (!gradient.IsEmpty) gradient[i] = MathF.Sign(d) * scale;
        }
        return loss;
    }

    /// <summary>Huber loss: <c>d^2 / 2</c> for <c>|d| &lt;= delta</c>, else <c>delta (|d| - delta / 2)</c>; gradient <c>clamp(d, -delta, delta)</c>.</summary>
    public static float Huber(ReadOnlySpan<float> a, ReadOnlySpan<float> y, float delta, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            float d = a[i] - y[i];
            float magnitude = MathF.Abs(d);
            loss += magnitude <= delta ? 0.5f * d * d : delta * (magnitude - 0.5f * delta);
            if (!gradient.IsEmpty) gradient[i] = Math.Clamp(d, -delta, delta) * scale;
        }
        return loss;
    }

    /// <summary>Sum of <c>max(0, 1 - y a)</c> for targets in {-1, +1}; gradient <c>-y</c> inside the margin, else 0.</summary>
    public static float Hinge(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            float margin = 1f - y[i] * a[i];
            loss += MathF.Max(margin, 0f);
            if (!gradient.IsEmpty) gradient[i] = margin > 0f ? -y[i] * scale : 0f;
        }
        return loss;
    }

    /// <summary>
    /// Binary cross-entropy on probabilities (PyTorch's <c>BCELoss</c>: each logarithm clamped at -100,
    /// gradient <c>(a - y) / max(a (1 - a), 1e-12)</c>). Used when the output is not a sigmoid.
    /// </summary>
    public static float BinaryCrossEntropy(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            float p = a[i];
            loss -= y[i] * MathF.Max(MathF.Log(p), -100f) + (1f - y[i]) * MathF.Max(MathF.Log(1f - p), -100f);
            if (!gradient.IsEmpty) gradient[i] = (p - y[i]) / MathF.Max(p * (1f - p), 1e-12f) * scale;
        }
        return loss;
    }

    /// <summary>
    /// Sigmoid and binary cross-entropy fused: <c>max(z, 0) - z y + log(1 + e^-|z|)</c> from the logits,
    /// gradient with respect to the logits <c>a - y</c>.
    /// </summary>
    public static float SigmoidBinaryCrossEntropy(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < z.Length; i++)
        {
            loss += MathF.Max(z[i], 0f) - z[i] * y[i] + Activations.Log1P(MathF.Exp(-MathF.Abs(z[i])));
            if (!gradient.IsEmpty) gradient[i] = (a[i] - y[i]) * scale;
        }
        return loss;
    }

    /// <summary>
    /// Categorical cross-entropy on probabilities: <c>-sum y log(max(a, 1e-7))</c>, gradient <c>-y / a</c>
    /// (0 where the probability is clamped). Used when the output is not a softmax.
    /// </summary>
    public static float CategoricalCrossEntropy(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            float p = MathF.Max(a[i], ProbabilityEpsilon);
            loss -= y[i] * MathF.Log(p);
            if (!gradient.IsEmpty) gradient[i] = a[i] > ProbabilityEpsilon ? -y[i] / a[i] * scale : 0f;
        }
        return loss;
    }

    /// <summary>
    /// Softmax and categorical cross-entropy fused through log-sum-exp: <c>sum y (lse(z) - z)</c>,
    /// gradient with respect to the logits <c>a sum(y) - y</c> (<c>a - y</c> for one-hot targets).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float logSumExp = LogSumExp(z);
        float loss = CrossEntropyFromLogSumExp(z, y, logSumExp, out float targetSum);
        if (!gradient.IsEmpty)
        {
            for (int i = 0; i < z.Length; i++) gradient[i] = (a[i] * targetSum - y[i]) * scale;
        }
        return loss;
    }

    /// <summary>Cross-entropy against class <paramref name="target"/> on probabilities: <c>-log(max(a_c, 1e-7))</c>.</summary>
    public static float SparseCategoricalCrossEntropy(ReadOnlySpan<float> a, int target, Span<float> gradient, float scale)
    {
        if (!gradient.IsEmpty)
        {
            gradient.Clear();
            if (a[target] > ProbabilityEpsilon) gradient[target] = -1f / a[target] * scale;
        }
        return -MathF.Log(MathF.Max(a[target], ProbabilityEpsilon));
    }

    /// <summary>Softmax and cross-entropy against class <paramref name="target"/>, fused: <c>lse(z) - z_c</c>, gradient <c>a - onehot(c)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SoftmaxSparseCrossEntropy(ReadOnlySpan<float> z, ReadOnlySpan<float> a, int target, Span<float> gradient, float scale)
    {
        if (!gradient.IsEmpty)
        {
            for (int i = 0; i < z.Length; i++) gradient[i] = a[i] * scale;
            gradient[target] -= scale;
        }
        return LogSumExp(z) - z[target];
    }

    /// <summary>
    /// Binary cross-entropy on logits, for <see cref="NetworkAttribute.FromLogits"/> (PyTorch's
    /// <c>BCEWithLogitsLoss</c>, Keras' <c>from_logits=True</c>): the sigmoid is applied inside, as
    /// <c>max(z, 0) - z y + log(1 + e^-|z|)</c>; gradient with respect to the logits <c>sigmoid(z) - y</c>.
    /// </summary>
    public static float BinaryCrossEntropyFromLogits(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float loss = 0f;
        for (int i = 0; i < z.Length; i++)
        {
            loss += MathF.Max(z[i], 0f) - z[i] * y[i] + Activations.Log1P(MathF.Exp(-MathF.Abs(z[i])));
            if (!gradient.IsEmpty) gradient[i] = (Activations.Sigmoid(z[i]) - y[i]) * scale;
        }
        return loss;
    }

    /// <summary>
    /// Categorical cross-entropy on logits, for <see cref="NetworkAttribute.FromLogits"/> (PyTorch's
    /// <c>CrossEntropyLoss</c> with probability targets): the softmax is applied inside, through
    /// log-sum-exp, as <c>sum y (lse(z) - z)</c>; gradient with respect to the logits
    /// <c>softmax(z) sum(y) - y</c>. Each probability is computed where its gradient is written, so
    /// nothing is allocated.
    /// </summary>
    public static float CategoricalCrossEntropyFromLogits(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> gradient, float scale)
    {
        float logSumExp = LogSumExp(z);
        float loss = CrossEntropyFromLogSumExp(z, y, logSumExp, out float targetSum);
        if (!gradient.IsEmpty)
        {
            for (int i = 0; i < z.Length; i++) gradient[i] = (MathF.Exp(z[i] - logSumExp) * targetSum - y[i]) * scale;
        }
        return loss;
    }

    /// <summary>
    /// Cross-entropy against class <paramref name="target"/> on logits, for
    /// <see cref="NetworkAttribute.FromLogits"/> (PyTorch's <c>CrossEntropyLoss</c> with class indices):
    /// <c>lse(z) - z_c</c>, gradient with respect to the logits <c>softmax(z) - onehot(c)</c>.
    /// </summary>
    public static float SparseCategoricalCrossEntropyFromLogits(ReadOnlySpan<float> z, int target, Span<float> gradient, float scale)
    {
        float logSumExp = LogSumExp(z);
        if (!gradient.IsEmpty)
        {
            for (int i = 0; i < z.Length; i++) gradient[i] = MathF.Exp(z[i] - logSumExp) * scale;
            gradient[target] -= scale;
        }
        return logSumExp - z[target];
    }

    // sum y (lse(z) - z), the cross-entropy of softmax(z) against y, and the targets' sum for the gradient.
    private static float CrossEntropyFromLogSumExp(ReadOnlySpan<float> z, ReadOnlySpan<float> y, float logSumExp, out float targetSum)
    {
        float loss = 0f;
        targetSum = 0f;
        for (int i = 0; i < z.Length; i++)
        {
            loss += y[i] * (logSumExp - z[i]);
            targetSum += y[i];
        }
        return loss;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float LogSumExp(ReadOnlySpan<float> z)
    {
        float max = z[0];
        for (int i = 1; i < z.Length; i++) max = MathF.Max(max, z[i]);
        float sum = 0f;
        for (int i = 0; i < z.Length; i++) sum += MathF.Exp(z[i] - max);
        return max + MathF.Log(sum);
    }
}
