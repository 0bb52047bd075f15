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
/// <see cref="Activations.Sigmoid(float)"/> and <see cref="MathF.Tanh"/>. On .NET 9 and later, where the
/// hardware has 512-bit vectors, sixteen units at a time take the same rational function 16 wide:
/// half the instructions for the same values, lane for lane (tested bit for bit).
/// </summary>
internal static class GateActivations
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> z)
    {
        Vector256<float> half = Vector256.Create(0.5f);
        return DenseKernels.MultiplyAdd(Activations.Tanh(z * half), half, half);
    }

#if NET9_0_OR_GREATER
    /// <summary>Sixteen lanes of <see cref="Activations.Tanh(Vector256{float})"/>: its coefficients, its operations, its values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> t = x * x;
        Vector512<float> p = Vector512.FusedMultiplyAdd(Vector512.Create(-8.488693148822834e-14f), t, Vector512.Create(5.2779393966267714e-11f));
        p = Vector512.FusedMultiplyAdd(p, t, Vector512.Create(-2.022520227972758e-08f));
        p = Vector512.FusedMultiplyAdd(p, t, Vector512.Create(1.115430146968569e-05f));
        p = Vector512.FusedMultiplyAdd(p, t, Vector512.Create(0.003103955501425403f));
        p = Vector512.FusedMultiplyAdd(p, t, Vector512.Create(0.13084009440498848f));
        p = Vector512.FusedMultiplyAdd(p, t, Vector512.Create(0.9999999933843254f));
        Vector512<float> q = Vector512.FusedMultiplyAdd(Vector512.Create(0.000254614422072956f), t, Vector512.Create(0.02449517549141888f));
        q = Vector512.FusedMultiplyAdd(q, t, Vector512.Create(0.46417336541088394f));
        q = Vector512.FusedMultiplyAdd(q, t, Vector512<float>.One);
        Vector512<float> saturated = (x & Vector512.Create(-0f)) | Vector512<float>.One;
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(Vector512.Abs(x), Vector512.Create(9f)), saturated, x * p / q);
    }

    /// <summary>Sixteen lanes of <see cref="Sigmoid(Vector256{float})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> z)
    {
        Vector512<float> half = Vector512.Create(0.5f);
        return Vector512.FusedMultiplyAdd(Tanh(z * half), half, half);
    }
#endif

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
