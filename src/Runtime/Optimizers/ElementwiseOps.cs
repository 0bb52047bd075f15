using System;
using System.Numerics.Tensors;

namespace NeuralDsl.Optimizers;

/// <summary>
/// The in-place tensor operations that torch.optim's update rules are written in, with the rounding of
/// PyTorch's float32 CPU kernels, so that an update written as the same sequence of calls gives the
/// same bits. Measured on torch 1.13: <c>add(other, alpha)</c> is one fused multiply-add;
/// <c>addcmul(t1, t2, value)</c> rounds <c>value * t1</c>, then fuses the multiply by <c>t2</c> with the
/// add; <c>addcdiv(t1, t2, value)</c> rounds <c>value * t1</c>, the quotient and the sum separately.
/// Every operation is vectorised by <see cref="TensorPrimitives"/>; the destination may be the same span
/// as an input, never a partially overlapping one.
/// </summary>
internal static class ElementwiseOps
{
    /// <summary>
    /// How many values an update processes at a time: small enough that a block of every buffer an
    /// optimiser touches stays in the L1 cache across its several passes, large enough to amortise the calls.
    /// </summary>
    public const int BlockSize = 512;

    /// <summary><c>destination = self + alpha * other</c>, rounded once (torch's <c>add</c> with <c>alpha</c>).</summary>
    public static void AddScaled(ReadOnlySpan<float> self, ReadOnlySpan<float> other, float alpha, Span<float> destination) =>
        TensorPrimitives.FusedMultiplyAdd(other, alpha, self, destination);

    /// <summary><c>self = self * factor + other * alpha</c> as torch's <c>mul_(factor).add_(other, alpha=alpha)</c>.</summary>
    public static void Decay(Span<float> self, float factor, ReadOnlySpan<float> other, float alpha)
    {
        TensorPrimitives.Multiply(self, factor, self);
        TensorPrimitives.FusedMultiplyAdd(other, alpha, self, self);
    }

    /// <summary><c>self += t1 * t2</c>, rounded once (torch's <c>addcmul_</c> with value 1).</summary>
    public static void AddProduct(Span<float> self, ReadOnlySpan<float> t1, ReadOnlySpan<float> t2) =>
        TensorPrimitives.FusedMultiplyAdd(t1, t2, self, self);

    /// <summary><c>self += value * t1 * t2</c> as torch's <c>addcmul_</c>; <paramref name="scratch"/> is a separate buffer.</summary>
    public static void AddProduct(Span<float> self, ReadOnlySpan<float> t1, ReadOnlySpan<float> t2, float value, Span<float> scratch)
    {
        TensorPrimitives.Multiply(t1, value, scratch);
        TensorPrimitives.FusedMultiplyAdd(scratch, t2, self, self);
    }

    /// <summary><c>self += value * t1 / t2</c> as torch's <c>addcdiv_</c>; <paramref name="scratch"/> may be <paramref name="t1"/>, not <paramref name="t2"/>.</summary>
    public static void AddQuotient(Span<float> self, ReadOnlySpan<float> t1, ReadOnlySpan<float> t2, float value, Span<float> scratch)
    {
        TensorPrimitives.Multiply(t1, value, scratch);
        TensorPrimitives.Divide(scratch, t2, scratch);
        TensorPrimitives.Add(self, scratch, self);
    }
}
