using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace NeuralDsl;

/// <summary>Vector kernels the generated code uses for layers too large to unroll.</summary>
public static class Kernels
{
    /// <summary>Dot product of two equally long spans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => TensorPrimitives.Dot(x, y);

    /// <summary><c>y += alpha * x</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.MultiplyAdd(x, alpha, y, y);
}
