using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl;

public static partial class ConvolutionKernels
{
    /// <summary>
    /// One sample's backward pass of <see cref="Conv2DForward"/>, from <paramref name="dz"/>, the gradient
    /// with respect to the convolution's output (before the activation). Adds into
    /// <paramref name="dKernel"/> and <paramref name="dBias"/>; overwrites <paramref name="dx"/>.
    /// </summary>
    /// <param name="x">The forward pass's input, <c>[InH, InW, InC]</c>.</param>
    /// <param name="kernel">The kernel, <c>[KH, KW, InC, OutC]</c>.</param>
    /// <param name="dz">The gradient with respect to the output, <c>[OutH, OutW, OutC]</c>.</param>
    /// <param name="dKernel">The kernel's gradient, <c>[KH, KW, InC, OutC]</c>, added to.</param>
    /// <param name="dBias">The bias gradient, <c>[OutC]</c>, added to; empty when the layer has no bias.</param>
    /// <param name="dx">The input's gradient, <c>[InH, InW, InC]</c>, overwritten; empty to skip it (the first layer).</param>
    /// <param name="g">The geometry.</param>
    /// <exception cref="ArgumentException">The geometry is inconsistent, a span has the wrong length, or an output span overlaps an input.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Conv2DBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> dz,
        Span<float> dKernel, Span<float> dBias, Span<float> dx, in Conv2DGeometry g)
    {
        g.Validate(nameof(g));
        NetworkGuard.Length(x.Length, g.InputSize, "InH x InW x InC", nameof(x));
        NetworkGuard.Length(kernel.Length, g.KernelSize, "KH x KW x InC x OutC", nameof(kernel));
        NetworkGuard.Length(dz.Length, g.OutputSize, "OutH x OutW x OutC", nameof(dz));
        NetworkGuard.Length(dKernel.Length, g.KernelSize, "KH x KW x InC x OutC", nameof(dKernel));
        if (!dBias.IsEmpty) NetworkGuard.Length(dBias.Length, g.OutC, "OutC", nameof(dBias));
        if (!dx.IsEmpty) NetworkGuard.Length(dx.Length, g.InputSize, "InH x InW x InC", nameof(dx));
        NoOverlap(x, kernel, dz, dKernel, nameof(dKernel));
        NoOverlap(x, kernel, dz, dBias, nameof(dBias));
        NoOverlap(x, kernel, dz, dx, nameof(dx));

        if (!dBias.IsEmpty) BiasGradient(dz, dBias, g.OutH * g.OutW, g.OutC);
        KernelGradient(x, dz, dKernel, g);
        if (!dx.IsEmpty) InputGradient(kernel, dz, dx, g);
    }

    private static void NoOverlap(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> output, string outputName)
    {
        NetworkGuard.NoOverlap(a, output, outputName);
        NetworkGuard.NoOverlap(b, output, outputName);
        NetworkGuard.NoOverlap(c, output, outputName);
    }

    // dBias += the sum of dz over the output pixels, 32 channels at a time in registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BiasGradient(ReadOnlySpan<float> dz, Span<float> dBias, int pixels, int outC)
    {
        ref float d = ref MemoryMarshal.GetReference(dz);
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; c <= outC - 4 * Lanes; c += 4 * Lanes)
            {
                Vector256<float> s0 = Vector256<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
                for (nuint i = (nuint)c, end = (nuint)(pixels * outC); i < end; i += (nuint)outC)
                {
                    s0 += Vector256.LoadUnsafe(ref d, i);
                    s1 += Vector256.LoadUnsafe(ref d, i + Lanes);
                    s2 += Vector256.LoadUnsafe(ref d, i + 2 * Lanes);
                    s3 += Vector256.LoadUnsafe(ref d, i + 3 * Lanes);
                }
                Span<float> b = dBias.Slice(c, 4 * Lanes);
                (Vector256.Create(b) + s0).CopyTo(b);
                (Vector256.Create(b.Slice(Lanes)) + s1).CopyTo(b.Slice(Lanes));
                (Vector256.Create(b.Slice(2 * Lanes)) + s2).CopyTo(b.Slice(2 * Lanes));
                (Vector256.Create(b.Slice(3 * Lanes)) + s3).CopyTo(b.Slice(3 * Lanes));
            }
            for (; c <= outC - Lanes; c += Lanes)
            {
                Vector256<float> s0 = Vector256<float>.Zero;
                for (nuint i = (nuint)c, end = (nuint)(pixels * outC); i < end; i += (nuint)outC) s0 += Vector256.LoadUnsafe(ref d, i);
                (Vector256.Create(dBias.Slice(c, Lanes)) + s0).CopyTo(dBias.Slice(c));
            }
        }
        for (; c < outC; c++)
        {
            float sum = 0f;
            for (int p = 0; p < pixels; p++) sum += Unsafe.Add(ref d, p * outC + c);
            dBias[c] += sum;
        }
    }
}
