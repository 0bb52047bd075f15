using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Recurrent;

/// <summary>
/// The gate activations of the recurrent kernels, in registers. Tanh is the rational function of
/// <see cref="Activations.Tanh(Vector256{float})"/> (same coefficients, relative error under 4e-7 in
/// float) with its two polynomials evaluated in Estrin's form: P of degree 6 in x^2 as
/// <c>(p0 + p1 t) + t^2 (p2 + p3 t) + t^4 ((p4 + p5 t) + t^2 p6)</c>, three dependent steps instead of
/// six. A streaming step is one chain from the state through the gates' activations, the cell and its
/// tanh to the next state, so the activations' latency is the step's. The sigmoid is
/// <c>(1 + tanh(z / 2)) / 2</c> (absolute error under 2e-7), one rational function instead of an
/// exponential and a division, with the halvings folded into its coefficients. The 256-bit and 512-bit forms give the same value lane for lane (tested bit
/// for bit); tails shorter than eight units use <see cref="Activations.Sigmoid(float)"/> and <see cref="MathF.Tanh"/>.
/// </summary>
internal static class GateActivations
{
    // Beyond this magnitude tanh rounds to +-1 in float (1 - tanh 9 = 3e-8 < 2^-25).
    private const float Saturation = 9f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> t = x * x, t2 = t * t, t4 = t2 * t2;
        Vector256<float> p01 = DenseKernels.MultiplyAdd(Vector256.Create(0.13084009440498848f), t, Vector256.Create(0.9999999933843254f));
        Vector256<float> p23 = DenseKernels.MultiplyAdd(Vector256.Create(1.115430146968569e-05f), t, Vector256.Create(0.003103955501425403f));
        Vector256<float> p45 = DenseKernels.MultiplyAdd(Vector256.Create(5.2779393966267714e-11f), t, Vector256.Create(-2.022520227972758e-08f));
        Vector256<float> p46 = DenseKernels.MultiplyAdd(Vector256.Create(-8.488693148822834e-14f), t2, p45);
        Vector256<float> p = DenseKernels.MultiplyAdd(p46, t4, DenseKernels.MultiplyAdd(p23, t2, p01));
        Vector256<float> q01 = DenseKernels.MultiplyAdd(Vector256.Create(0.46417336541088394f), t, Vector256<float>.One);
        Vector256<float> q23 = DenseKernels.MultiplyAdd(Vector256.Create(0.000254614422072956f), t, Vector256.Create(0.02449517549141888f));
        Vector256<float> q = DenseKernels.MultiplyAdd(q23, t2, q01);
        // Large |x| overflows t into inf / inf = NaN: those lanes take the saturated value instead.
        Vector256<float> saturated = (x & Vector256.Create(-0f)) | Vector256<float>.One;
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256.Abs(x), Vector256.Create(Saturation)), saturated, x * p / q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> z)
    {
        // tanh(z / 2) / 2 with the halvings moved into the coefficients (P's k-th over 4^(k+1), Q's over 4^k):
        // powers of two scale exactly, so this is the value of (1 + tanh(z / 2)) / 2 bit for bit, without
        // the multiply by 1/2 before the tanh and with an add instead of a multiply-add after it.
        Vector256<float> t = z * z, t2 = t * t, t4 = t2 * t2;
        Vector256<float> p01 = DenseKernels.MultiplyAdd(Vector256.Create(0.13084009440498848f / 16), t, Vector256.Create(0.9999999933843254f / 4));
        Vector256<float> p23 = DenseKernels.MultiplyAdd(Vector256.Create(1.115430146968569e-05f / 256), t, Vector256.Create(0.003103955501425403f / 64));
        Vector256<float> p45 = DenseKernels.MultiplyAdd(Vector256.Create(5.2779393966267714e-11f / 4096), t, Vector256.Create(-2.022520227972758e-08f / 1024));
        Vector256<float> p46 = DenseKernels.MultiplyAdd(Vector256.Create(-8.488693148822834e-14f / 16384), t2, p45);
        Vector256<float> p = DenseKernels.MultiplyAdd(p46, t4, DenseKernels.MultiplyAdd(p23, t2, p01));
        Vector256<float> q01 = DenseKernels.MultiplyAdd(Vector256.Create(0.46417336541088394f / 4), t, Vector256<float>.One);
        Vector256<float> q23 = DenseKernels.MultiplyAdd(Vector256.Create(0.000254614422072956f / 64), t, Vector256.Create(0.02449517549141888f / 16));
        Vector256<float> q = DenseKernels.MultiplyAdd(q23, t2, q01);
        Vector256<float> half = Vector256.Create(0.5f);
        Vector256<float> saturated = (z & Vector256.Create(-0f)) | half; // +-1/2
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(Vector256.Abs(z), Vector256.Create(2 * Saturation)), saturated, z * p / q) + half;
    }

#if NET9_0_OR_GREATER
    /// <summary>Sixteen lanes of <see cref="Tanh(Vector256{float})"/>: its coefficients, its operations, its values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> t = x * x, t2 = t * t, t4 = t2 * t2;
        Vector512<float> p01 = Vector512.FusedMultiplyAdd(Vector512.Create(0.13084009440498848f), t, Vector512.Create(0.9999999933843254f));
        Vector512<float> p23 = Vector512.FusedMultiplyAdd(Vector512.Create(1.115430146968569e-05f), t, Vector512.Create(0.003103955501425403f));
        Vector512<float> p45 = Vector512.FusedMultiplyAdd(Vector512.Create(5.2779393966267714e-11f), t, Vector512.Create(-2.022520227972758e-08f));
        Vector512<float> p46 = Vector512.FusedMultiplyAdd(Vector512.Create(-8.488693148822834e-14f), t2, p45);
        Vector512<float> p = Vector512.FusedMultiplyAdd(p46, t4, Vector512.FusedMultiplyAdd(p23, t2, p01));
        Vector512<float> q01 = Vector512.FusedMultiplyAdd(Vector512.Create(0.46417336541088394f), t, Vector512<float>.One);
        Vector512<float> q23 = Vector512.FusedMultiplyAdd(Vector512.Create(0.000254614422072956f), t, Vector512.Create(0.02449517549141888f));
        Vector512<float> q = Vector512.FusedMultiplyAdd(q23, t2, q01);
        Vector512<float> saturated = (x & Vector512.Create(-0f)) | Vector512<float>.One;
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(Vector512.Abs(x), Vector512.Create(Saturation)), saturated, x * p / q);
    }

    /// <summary>Sixteen lanes of <see cref="Sigmoid(Vector256{float})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> z)
    {
        Vector512<float> t = z * z, t2 = t * t, t4 = t2 * t2;
        Vector512<float> p01 = Vector512.FusedMultiplyAdd(Vector512.Create(0.13084009440498848f / 16), t, Vector512.Create(0.9999999933843254f / 4));
        Vector512<float> p23 = Vector512.FusedMultiplyAdd(Vector512.Create(1.115430146968569e-05f / 256), t, Vector512.Create(0.003103955501425403f / 64));
        Vector512<float> p45 = Vector512.FusedMultiplyAdd(Vector512.Create(5.2779393966267714e-11f / 4096), t, Vector512.Create(-2.022520227972758e-08f / 1024));
        Vector512<float> p46 = Vector512.FusedMultiplyAdd(Vector512.Create(-8.488693148822834e-14f / 16384), t2, p45);
        Vector512<float> p = Vector512.FusedMultiplyAdd(p46, t4, Vector512.FusedMultiplyAdd(p23, t2, p01));
        Vector512<float> q01 = Vector512.FusedMultiplyAdd(Vector512.Create(0.46417336541088394f / 4), t, Vector512<float>.One);
        Vector512<float> q23 = Vector512.FusedMultiplyAdd(Vector512.Create(0.000254614422072956f / 64), t, Vector512.Create(0.02449517549141888f / 16));
        Vector512<float> q = Vector512.FusedMultiplyAdd(q23, t2, q01);
        Vector512<float> half = Vector512.Create(0.5f);
        Vector512<float> saturated = (z & Vector512.Create(-0f)) | half;
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(Vector512.Abs(z), Vector512.Create(2 * Saturation)), saturated, z * p / q) + half;
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
