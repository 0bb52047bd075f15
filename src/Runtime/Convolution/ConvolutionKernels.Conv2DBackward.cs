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

        if (!dBias.IsEmpty)
            for (int p = 0; p < g.OutH * g.OutW; p++) Kernels.Axpy(1f, dz.Slice(p * g.OutC, g.OutC), dBias);
        KernelGradient(x, dz, dKernel, g);
        if (!dx.IsEmpty) InputGradient(kernel, dz, dx, g);
    }

    private static void NoOverlap(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, ReadOnlySpan<float> output, string outputName)
    {
        NetworkGuard.NoOverlap(a, output, outputName);
        NetworkGuard.NoOverlap(b, output, outputName);
        NetworkGuard.NoOverlap(c, output, outputName);
    }

    // dKernel[ky, kx, ci, :] += x[iy, ix, ci] * dz[oy, ox, :] over every output pixel: per pixel, a block
    // of dz stays in registers and each input of the window adds a multiple of it to its kernel row.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KernelGradient(ReadOnlySpan<float> x, ReadOnlySpan<float> dz, Span<float> dKernel, in Conv2DGeometry g)
    {
        int inW = g.InW, inH = g.InH, inC = g.InC, kw = g.KW, kh = g.KH, outC = g.OutC;
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float dk = ref MemoryMarshal.GetReference(dKernel);
        for (int oy = 0; oy < g.OutH; oy++)
        {
            int iy = oy * g.StrideH - g.PadTop;
            int ky0 = Math.Max(0, -iy), ky1 = Math.Min(kh, inH - iy);
            for (int ox = 0; ox < g.OutW; ox++)
            {
                int ix = ox * g.StrideW - g.PadLeft;
                int kx0 = Math.Max(0, -ix), kx1 = Math.Min(kw, inW - ix);
                ref float d = ref Unsafe.Add(ref MemoryMarshal.GetReference(dz), (oy * g.OutW + ox) * outC);
                int length = (kx1 - kx0) * inC;
                for (int ky = ky0; ky < ky1; ky++)
                {
                    int xi = ((iy + ky) * inW + ix + kx0) * inC, ki = (ky * kw + kx0) * inC * outC;
                    for (int j = 0; j < length; j++, ki += outC)
                    {
                        float xv = Unsafe.Add(ref xs, xi + j);
                        if (xv == 0f) continue; // the zeros a ReLU before this layer leaves add nothing
                        AddScaled(ref d, xv, ref Unsafe.Add(ref dk, ki), outC);
                    }
                }
            }
        }
    }

    // row[0..n) += s * v[0..n)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled(ref float v, float s, ref float row, int n)
    {
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> sv = Vector256.Create(s);
            for (; c <= n - 2 * Lanes; c += 2 * Lanes)
            {
                DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref v, (nuint)c), sv, Vector256.LoadUnsafe(ref row, (nuint)c)).StoreUnsafe(ref row, (nuint)c);
                DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref v, (nuint)(c + Lanes)), sv, Vector256.LoadUnsafe(ref row, (nuint)(c + Lanes))).StoreUnsafe(ref row, (nuint)(c + Lanes));
            }
            for (; c <= n - Lanes; c += Lanes)
                DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref v, (nuint)c), sv, Vector256.LoadUnsafe(ref row, (nuint)c)).StoreUnsafe(ref row, (nuint)c);
        }
        for (; c < n; c++) Unsafe.Add(ref row, c) += s * Unsafe.Add(ref v, c);
    }

    // dx[iy, ix, ci] = sum over the (ky, kx) whose output (oy, ox) reads (iy, ix) of kernel[ky, kx, ci, :] . dz[oy, ox, :].
    // Gathering per input pixel writes each dx once and keeps the sums in registers; the dot products
    // run along the output channels, contiguous in both the kernel and dz.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InputGradient(ReadOnlySpan<float> kernel, ReadOnlySpan<float> dz, Span<float> dx, in Conv2DGeometry g)
    {
        int inW = g.InW, inH = g.InH, inC = g.InC, kw = g.KW, kh = g.KH, outC = g.OutC, sh = g.StrideH, sw = g.StrideW;
        ref float ks = ref MemoryMarshal.GetReference(kernel);
        ref float ds = ref MemoryMarshal.GetReference(dz);
        for (int iy = 0; iy < inH; iy++)
        {
            // Outputs oy with 0 <= ky = iy + PadTop - oy * StrideH < KH.
            int ty = iy + g.PadTop;
            int oy0 = FirstOutput(ty - kh + 1, sh), oy1 = Math.Min(g.OutH - 1, ty / sh);
            for (int ix = 0; ix < inW; ix++)
            {
                int tx = ix + g.PadLeft;
                int ox0 = FirstOutput(tx - kw + 1, sw), ox1 = Math.Min(g.OutW - 1, tx / sw);
                int di = (iy * inW + ix) * inC;
                for (int ci = 0; ci < inC; ci++)
                {
                    float sum = 0f;
                    for (int oy = oy0; oy <= oy1; oy++)
                    {
                        int ky = ty - oy * sh;
                        for (int ox = ox0; ox <= ox1; ox++)
                        {
                            int kx = tx - ox * sw;
                            sum += Dot(ref Unsafe.Add(ref ks, ((ky * kw + kx) * inC + ci) * outC), ref Unsafe.Add(ref ds, (oy * g.OutW + ox) * outC), outC);
                        }
                    }
                    dx[di + ci] = sum;
                }
            }
        }
    }

    // The least output index o >= 0 with o * stride >= t.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstOutput(int t, int stride) => t <= 0 ? 0 : (t + stride - 1) / stride;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(ref float a, ref float b, int n)
    {
        int c = 0;
        float sum = 0f;
        if (Vector256.IsHardwareAccelerated && n >= Lanes)
        {
            Vector256<float> even = Vector256<float>.Zero, odd = Vector256<float>.Zero;
            for (; c <= n - 2 * Lanes; c += 2 * Lanes)
            {
                even = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)c), Vector256.LoadUnsafe(ref b, (nuint)c), even);
                odd = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)(c + Lanes)), Vector256.LoadUnsafe(ref b, (nuint)(c + Lanes)), odd);
            }
            if (c <= n - Lanes)
            {
                even = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref a, (nuint)c), Vector256.LoadUnsafe(ref b, (nuint)c), even);
                c += Lanes;
            }
            sum = Vector256.Sum(even + odd);
        }
        for (; c < n; c++) sum += Unsafe.Add(ref a, c) * Unsafe.Add(ref b, c);
        return sum;
    }
}
