using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl;

/// <summary>
/// Convolution and pooling kernels over channels-last samples (<c>[H, W, C]</c>, row-major), the calls
/// generated code makes for Conv2D, Conv1D and the pooling layers. One sample per call, no allocation,
/// no state: safe to call from several threads on separate buffers.
/// </summary>
/// <remarks>
/// Channels-last with Keras' kernel layout <c>[KH, KW, InC, OutC]</c> makes the product over one window
/// row a dense one: the input values of <c>KW</c> neighbouring pixels are contiguous, and so are their
/// kernel rows, each a contiguous vector over the output channels. docs/convolution.md gives the measurements.
/// </remarks>
public static partial class ConvolutionKernels
{
    private const int Lanes = 8; // Vector256<float>

    /// <summary>
    /// One sample: <c>z = conv(x, kernel) + bias</c>, zero padding. Overwrites <paramref name="z"/>
    /// (<c>[OutH, OutW, OutC]</c>).
    /// </summary>
    /// <param name="x">The input, <c>[InH, InW, InC]</c>.</param>
    /// <param name="kernel">The kernel, <c>[KH, KW, InC, OutC]</c>.</param>
    /// <param name="bias">The bias, <c>[OutC]</c>, or empty for none.</param>
    /// <param name="z">The output, <c>[OutH, OutW, OutC]</c>.</param>
    /// <param name="g">The geometry.</param>
    /// <exception cref="ArgumentException">The geometry is inconsistent, a span has the wrong length, or <paramref name="z"/> overlaps an input.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Conv2DForward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> z, in Conv2DGeometry g)
    {
        g.Validate(nameof(g));
        NetworkGuard.Length(x.Length, g.InputSize, "InH x InW x InC", nameof(x));
        NetworkGuard.Length(kernel.Length, g.KernelSize, "KH x KW x InC x OutC", nameof(kernel));
        if (!bias.IsEmpty) NetworkGuard.Length(bias.Length, g.OutC, "OutC", nameof(bias));
        NetworkGuard.Length(z.Length, g.OutputSize, "OutH x OutW x OutC", nameof(z));
        NetworkGuard.NoOverlap(x, z, nameof(z));
        NetworkGuard.NoOverlap(kernel, z, nameof(z));
        NetworkGuard.NoOverlap(bias, z, nameof(z));

        int inW = g.InW, inH = g.InH, inC = g.InC, kw = g.KW, kh = g.KH, outC = g.OutC;
        int xRow = inW * inC, kRow = kw * inC * outC;
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ks = ref MemoryMarshal.GetReference(kernel);
        ref float zs = ref MemoryMarshal.GetReference(z);
        for (int oy = 0; oy < g.OutH; oy++)
        {
            int iy = oy * g.StrideH - g.PadTop;
            int ky0 = Math.Max(0, -iy), ky1 = Math.Min(kh, inH - iy);
            for (int ox = 0; ox < g.OutW; ox++)
            {
                int ix = ox * g.StrideW - g.PadLeft;
                int kx0 = Math.Max(0, -ix), kx1 = Math.Min(kw, inW - ix);
                // The window clipped to the input: rows ky0..ky1, each a contiguous run of
                // (kx1 - kx0) * InC inputs against as many contiguous kernel rows.
                var window = new Window(
                    XOffset: ((iy + ky0) * inW + ix + kx0) * inC, XRowStride: xRow,
                    KOffset: (ky0 * kw + kx0) * inC * outC, KRowStride: kRow,
                    Rows: ky1 - ky0, Length: (kx1 - kx0) * inC);
                PixelForward(ref xs, ref ks, bias, ref Unsafe.Add(ref zs, (oy * g.OutW + ox) * outC), window, outC);
            }
        }
    }

    // Where one output pixel's clipped window lies in the input and in the kernel.
    private readonly record struct Window(int XOffset, int XRowStride, int KOffset, int KRowStride, int Rows, int Length);

    // z[0..outC) = bias + sum over the window of x * kernel row: the kernel rows are read in order and
    // the sums stay in registers, four vectors (32 channels) at a time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PixelForward(ref float x, ref float k, ReadOnlySpan<float> bias, ref float z, Window w, int outC)
    {
        int c = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; c <= outC - 4 * Lanes; c += 4 * Lanes)
            {
                Vector256<float> a0 = Start(bias, c), a1 = Start(bias, c + Lanes), a2 = Start(bias, c + 2 * Lanes), a3 = Start(bias, c + 3 * Lanes);
                for (int r = 0; r < w.Rows; r++)
                {
                    int xi = w.XOffset + r * w.XRowStride;
                    nuint ki = (nuint)(w.KOffset + r * w.KRowStride + c);
                    for (int j = 0; j < w.Length; j++, ki += (nuint)outC)
                    {
                        Vector256<float> s = Vector256.Create(Unsafe.Add(ref x, xi + j));
                        a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref k, ki), s, a0);
                        a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref k, ki + Lanes), s, a1);
                        a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref k, ki + 2 * Lanes), s, a2);
                        a3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref k, ki + 3 * Lanes), s, a3);
                    }
                }
                a0.StoreUnsafe(ref z, (nuint)c);
                a1.StoreUnsafe(ref z, (nuint)(c + Lanes));
                a2.StoreUnsafe(ref z, (nuint)(c + 2 * Lanes));
                a3.StoreUnsafe(ref z, (nuint)(c + 3 * Lanes));
            }
            for (; c <= outC - Lanes; c += Lanes)
            {
                Vector256<float> a = Start(bias, c);
                for (int r = 0; r < w.Rows; r++)
                {
                    int xi = w.XOffset + r * w.XRowStride;
                    nuint ki = (nuint)(w.KOffset + r * w.KRowStride + c);
                    for (int j = 0; j < w.Length; j++, ki += (nuint)outC)
                        a = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref k, ki), Vector256.Create(Unsafe.Add(ref x, xi + j)), a);
                }
                a.StoreUnsafe(ref z, (nuint)c);
            }
        }
        for (; c < outC; c++)
        {
            float sum = bias.IsEmpty ? 0f : bias[c];
            for (int r = 0; r < w.Rows; r++)
            {
                int xi = w.XOffset + r * w.XRowStride, ki = w.KOffset + r * w.KRowStride + c;
                for (int j = 0; j < w.Length; j++) sum += Unsafe.Add(ref x, xi + j) * Unsafe.Add(ref k, ki + j * outC);
            }
            Unsafe.Add(ref z, c) = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Start(ReadOnlySpan<float> bias, int c) =>
        bias.IsEmpty ? Vector256<float>.Zero : Vector256.Create(bias.Slice(c, Lanes));
}
