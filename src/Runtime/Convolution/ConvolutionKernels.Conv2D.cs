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
/// row a dense one: the inputs of <c>KW</c> neighbouring pixels are contiguous, and so are their kernel
/// rows, each a contiguous vector over the output channels. Four neighbouring output pixels share every
/// kernel load. docs/convolution.md gives the measurements behind this layout.
/// </remarks>
public static partial class ConvolutionKernels
{
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

        int inW = g.InW, inH = g.InH, inC = g.InC, kw = g.KW, kh = g.KH, outC = g.OutC, outW = g.OutW, sw = g.StrideW;
        var t = new Tile(
            ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(kernel), ref MemoryMarshal.GetReference(bias), !bias.IsEmpty,
            ref MemoryMarshal.GetReference(z), inW * inC, kw * inC * outC, sw * inC, outC);
        // Output columns whose window lies wholly inside the input's width: these go four at a time.
        int fullFrom = FirstOutput(g.PadLeft, sw);
        int fullTo = inW + g.PadLeft - kw < 0 ? -1 : Math.Min(outW - 1, (inW + g.PadLeft - kw) / sw);
        for (int oy = 0; oy < g.OutH; oy++)
        {
            int iy = oy * g.StrideH - g.PadTop;
            int ky0 = Math.Max(0, -iy), ky1 = Math.Min(kh, inH - iy);
            for (int ox = 0; ox < outW;)
            {
                int ix = ox * sw - g.PadLeft;
                int zOffset = (oy * outW + ox) * outC;
                if (ox >= fullFrom && ox + 3 <= fullTo)
                {
                    // The window clipped to the input: rows ky0..ky1, each a contiguous run of KW * InC inputs
                    // against as many contiguous kernel rows.
                    t.Quad(((iy + ky0) * inW + ix) * inC, ky0 * kw * inC * outC, ky1 - ky0, kw * inC, zOffset);
                    ox += 4;
                }
                else
                {
                    int kx0 = Math.Max(0, -ix), kx1 = Math.Min(kw, inW - ix);
                    t.Single(((iy + ky0) * inW + ix + kx0) * inC, (ky0 * kw + kx0) * inC * outC, ky1 - ky0, (kx1 - kx0) * inC, zOffset);
                    ox++;
                }
            }
        }
    }

    // The least output index o >= 0 with o * stride >= t.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstOutput(int t, int stride) => t <= 0 ? 0 : (t + stride - 1) / stride;

    /// <summary>The forward pass's operands; a tile computes one or four output pixels, all channels.</summary>
    private readonly ref struct Tile(ref float x, ref float kernel, ref float bias, bool hasBias, ref float z,
        int xRowStride, int kRowStride, int pixelStride, int outC)
    {
        private readonly ref float _x = ref x, _k = ref kernel, _b = ref bias, _z = ref z;

        // Four output pixels of one row, PixelStride apart in the input, each window whole in width.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Quad(int xOffset, int kOffset, int rows, int length, int zOffset)
        {
            int c = 0;
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated) c = Quad<Lanes512, Vector512<float>>(xOffset, kOffset, rows, length, zOffset, c);
#endif
            if (Vector256.IsHardwareAccelerated) c = Quad<Lanes256, Vector256<float>>(xOffset, kOffset, rows, length, zOffset, c);
            if (Vector128.IsHardwareAccelerated) c = Quad<Lanes128, Vector128<float>>(xOffset, kOffset, rows, length, zOffset, c);
            Quad<Lanes1, float>(xOffset, kOffset, rows, length, zOffset, c);
        }

        // One output pixel whose window (rows x length inputs) may be clipped by the padding.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Single(int xOffset, int kOffset, int rows, int length, int zOffset)
        {
            int c = 0;
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated) c = Single<Lanes512, Vector512<float>>(xOffset, kOffset, rows, length, zOffset, c);
#endif
            if (Vector256.IsHardwareAccelerated) c = Single<Lanes256, Vector256<float>>(xOffset, kOffset, rows, length, zOffset, c);
            if (Vector128.IsHardwareAccelerated) c = Single<Lanes128, Vector128<float>>(xOffset, kOffset, rows, length, zOffset, c);
            Single<Lanes1, float>(xOffset, kOffset, rows, length, zOffset, c);
        }

        // Channels from c on, two vectors at a time then one: each kernel load feeds four pixels' sums,
        // which stay in registers over the whole window. Returns the first channel not done.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Quad<TLanes, TVector>(int xOffset, int kOffset, int rows, int length, int zOffset, int c)
            where TLanes : struct, ISimdLanes<TVector> where TVector : struct
        {
            int lanes = TLanes.Count, p = pixelStride;
            for (; c <= outC - 2 * lanes; c += 2 * lanes)
            {
                TVector b0 = Start<TLanes, TVector>(c), b1 = Start<TLanes, TVector>(c + lanes);
                TVector a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
                for (int r = 0; r < rows; r++)
                {
                    ref float xr = ref Unsafe.Add(ref _x, xOffset + r * xRowStride);
                    nuint ki = (nuint)(kOffset + r * kRowStride + c);
                    for (int j = 0; j < length; j++, ki += (nuint)outC)
                    {
                        TVector k0 = TLanes.Load(ref _k, ki), k1 = TLanes.Load(ref _k, ki + (nuint)lanes);
                        TVector s = TLanes.Broadcast(Unsafe.Add(ref xr, j));
                        a00 = TLanes.MultiplyAdd(k0, s, a00);
                        a01 = TLanes.MultiplyAdd(k1, s, a01);
                        s = TLanes.Broadcast(Unsafe.Add(ref xr, j + p));
                        a10 = TLanes.MultiplyAdd(k0, s, a10);
                        a11 = TLanes.MultiplyAdd(k1, s, a11);
                        s = TLanes.Broadcast(Unsafe.Add(ref xr, j + 2 * p));
                        a20 = TLanes.MultiplyAdd(k0, s, a20);
                        a21 = TLanes.MultiplyAdd(k1, s, a21);
                        s = TLanes.Broadcast(Unsafe.Add(ref xr, j + 3 * p));
                        a30 = TLanes.MultiplyAdd(k0, s, a30);
                        a31 = TLanes.MultiplyAdd(k1, s, a31);
                    }
                }
                nuint o = (nuint)(zOffset + c), step = (nuint)outC, second = (nuint)lanes;
                TLanes.Store(a00, ref _z, o);
                TLanes.Store(a01, ref _z, o + second);
                TLanes.Store(a10, ref _z, o + step);
                TLanes.Store(a11, ref _z, o + step + second);
                TLanes.Store(a20, ref _z, o + 2 * step);
                TLanes.Store(a21, ref _z, o + 2 * step + second);
                TLanes.Store(a30, ref _z, o + 3 * step);
                TLanes.Store(a31, ref _z, o + 3 * step + second);
            }
            for (; c <= outC - lanes; c += lanes)
            {
                TVector a0 = Start<TLanes, TVector>(c), a1 = a0, a2 = a0, a3 = a0;
                for (int r = 0; r < rows; r++)
                {
                    ref float xr = ref Unsafe.Add(ref _x, xOffset + r * xRowStride);
                    nuint ki = (nuint)(kOffset + r * kRowStride + c);
                    for (int j = 0; j < length; j++, ki += (nuint)outC)
                    {
                        TVector k0 = TLanes.Load(ref _k, ki);
                        a0 = TLanes.MultiplyAdd(k0, TLanes.Broadcast(Unsafe.Add(ref xr, j)), a0);
                        a1 = TLanes.MultiplyAdd(k0, TLanes.Broadcast(Unsafe.Add(ref xr, j + p)), a1);
                        a2 = TLanes.MultiplyAdd(k0, TLanes.Broadcast(Unsafe.Add(ref xr, j + 2 * p)), a2);
                        a3 = TLanes.MultiplyAdd(k0, TLanes.Broadcast(Unsafe.Add(ref xr, j + 3 * p)), a3);
                    }
                }
                nuint o = (nuint)(zOffset + c), step = (nuint)outC;
                TLanes.Store(a0, ref _z, o);
                TLanes.Store(a1, ref _z, o + step);
                TLanes.Store(a2, ref _z, o + 2 * step);
                TLanes.Store(a3, ref _z, o + 3 * step);
            }
            return c;
        }

        // One pixel: even and odd inputs in separate sums, so that two chains of multiply-adds overlap.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Single<TLanes, TVector>(int xOffset, int kOffset, int rows, int length, int zOffset, int c)
            where TLanes : struct, ISimdLanes<TVector> where TVector : struct
        {
            int lanes = TLanes.Count;
            for (; c <= outC - 2 * lanes; c += 2 * lanes)
            {
                TVector a0 = Start<TLanes, TVector>(c), a1 = Start<TLanes, TVector>(c + lanes), e0 = TLanes.Zero, e1 = TLanes.Zero;
                for (int r = 0; r < rows; r++)
                {
                    ref float xr = ref Unsafe.Add(ref _x, xOffset + r * xRowStride);
                    nuint ki = (nuint)(kOffset + r * kRowStride + c), next = (nuint)outC;
                    int j = 0;
                    for (; j <= length - 2; j += 2, ki += 2 * next)
                    {
                        TVector s = TLanes.Broadcast(Unsafe.Add(ref xr, j)), t = TLanes.Broadcast(Unsafe.Add(ref xr, j + 1));
                        a0 = TLanes.MultiplyAdd(TLanes.Load(ref _k, ki), s, a0);
                        a1 = TLanes.MultiplyAdd(TLanes.Load(ref _k, ki + (nuint)lanes), s, a1);
                        e0 = TLanes.MultiplyAdd(TLanes.Load(ref _k, ki + next), t, e0);
                        e1 = TLanes.MultiplyAdd(TLanes.Load(ref _k, ki + next + (nuint)lanes), t, e1);
                    }
                    if (j < length)
                    {
                        TVector s = TLanes.Broadcast(Unsafe.Add(ref xr, j));
                        a0 = TLanes.MultiplyAdd(TLanes.Load(ref _k, ki), s, a0);
                        a1 = TLanes.MultiplyAdd(TLanes.Load(ref _k, ki + (nuint)lanes), s, a1);
                    }
                }
                TLanes.Store(TLanes.Add(a0, e0), ref _z, (nuint)(zOffset + c));
                TLanes.Store(TLanes.Add(a1, e1), ref _z, (nuint)(zOffset + c + lanes));
            }
            for (; c <= outC - lanes; c += lanes)
            {
                TVector a = Start<TLanes, TVector>(c);
                for (int r = 0; r < rows; r++)
                {
                    ref float xr = ref Unsafe.Add(ref _x, xOffset + r * xRowStride);
                    nuint ki = (nuint)(kOffset + r * kRowStride + c);
                    for (int j = 0; j < length; j++, ki += (nuint)outC)
                        a = TLanes.MultiplyAdd(TLanes.Load(ref _k, ki), TLanes.Broadcast(Unsafe.Add(ref xr, j)), a);
                }
                TLanes.Store(a, ref _z, (nuint)(zOffset + c));
            }
            return c;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private TVector Start<TLanes, TVector>(int c) where TLanes : struct, ISimdLanes<TVector> where TVector : struct =>
            hasBias ? TLanes.Load(ref _b, (nuint)c) : TLanes.Zero;
    }
}
