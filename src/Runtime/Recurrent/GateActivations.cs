using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Recurrent;

/// <summary>
/// The gate activations of the recurrent kernels, eight units at a time in registers. Tanh is
/// <see cref="Activations.Tanh(Vector256{float})"/> (relative error 3.5e-7); the sigmoid is formed from
/// it as <c>(1 + tanh(z / 2)) / 2</c>, which costs one rational function instead of an exponential and a
/// division, on every target framework, with an absolute error under 2e-7 (what a gate's value is
/// used for: it scales other values). Tails shorter than eight units use the scalar
/// <see cref="Activations.Sigmoid(float)"/> and <see cref="MathF.Tanh"/>.
/// </summary>
internal static class GateActivations
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> z)
    {
        Vector256<float> half = Vector256.Create(0.5f);
        return DenseKernels.MultiplyAdd(Activations.Tanh(z * half), half, half);
    }

    /// <summary>The sigmoid of every element of <paramref name="z"/>, in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sigmoid(Span<float> z)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= z.Length - 8; j += 8)
                Sigmoid(Vector256.Create(z.Slice(j, 8))).CopyTo(z.Slice(j, 8));
        }
        for (; j < z.Length; j++) z[j] = Activations.Sigmoid(z[j]);
    }
}
