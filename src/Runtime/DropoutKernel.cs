using System;
using System.Numerics.Tensors;

namespace NeuralDsl;

/// <summary>Inverted-dropout kernels called by generated code in training (inference is the identity).</summary>
public static class DropoutKernel
{
    /// <summary>
    /// Draws a mask (each entry 0 with probability <paramref name="rate"/>, else <c>1 / (1 - rate)</c>)
    /// and writes <c>y = x * mask</c>.
    /// </summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> mask, Span<float> y, float rate, ref SeededRandom random)
    {
        float keep = 1f / (1f - rate);
        for (int i = 0; i < x.Length; i++)
        {
            mask[i] = random.NextSingle() < rate ? 0f : keep;
            y[i] = x[i] * mask[i];
        }
    }

    /// <summary>Back-propagates through the mask: <c>dX = dY * mask</c>.</summary>
    public static void Backward(ReadOnlySpan<float> dY, ReadOnlySpan<float> mask, Span<float> dX) =>
        TensorPrimitives.Multiply(dY, mask, dX);
}
