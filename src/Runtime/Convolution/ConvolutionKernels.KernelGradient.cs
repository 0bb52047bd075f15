using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl;

public static partial class ConvolutionKernels
{
    // dKernel[ky, kx, ci, :] += sum over output pixels of x[iy, ix, ci] * dz[oy, ox, :]. For each kernel
    // position (ky, kx), the output pixels that read the input there form a rectangle; over it, the
    // sums for four input channels by two vectors of output channels stay in registers, each dz load
    // serving four input channels, and dKernel is read and written once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void KernelGradient(ReadOnlySpan<float> x, ReadOnlySpan<float> dz, Span<float> dKernel, in Conv2DGeometry g)
    {
        int inW = g.InW, inH = g.InH, inC = g.InC, kw = g.KW, outC = g.OutC, outW = g.OutW, sh = g.StrideH, sw = g.StrideW;
        var t = new GradientTile(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(dz), ref MemoryMarshal.GetReference(dKernel),
            xRowStep: sh * inW * inC, xColumnStep: sw * inC, dRowStep: outW * outC, inC, outC);
        for (int ky = 0; ky < g.KH; ky++)
        {
            // Output rows with 0 <= iy = oy * StrideH - PadTop + ky < InH.
            int oy0 = FirstOutput(g.PadTop - ky, sh), last = inH - 1 + g.PadTop - ky;
            if (last < 0) continue;
            int oy1 = Math.Min(g.OutH - 1, last / sh);
            if (oy1 < oy0) continue;
            for (int kx = 0; kx < kw; kx++)
            {
                int ox0 = FirstOutput(g.PadLeft - kx, sw), lastX = inW - 1 + g.PadLeft - kx;
                if (lastX < 0) continue;
                int ox1 = Math.Min(outW - 1, lastX / sw);
                if (ox1 < ox0) continue;
                int xBase = ((oy0 * sh - g.PadTop + ky) * inW + ox0 * sw - g.PadLeft + kx) * inC;
                t.Position(xBase, (oy0 * outW + ox0) * outC, oy1 - oy0 + 1, ox1 - ox0 + 1, (ky * kw + kx) * inC * outC);
            }
        }
    }

    /// <summary>The kernel gradient's operands; a call adds one kernel position's rows, all channels.</summary>
    private readonly ref struct GradientTile(ref float x, ref float dz, ref float dKernel, int xRowStep, int xColumnStep, int dRowStep, int inC, int outC)
    {
        private readonly ref float _x = ref x, _d = ref dz, _g = ref dKernel;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Position(int xBase, int dBase, int rows, int columns, int gBase)
        {
            int c = 0;
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated) c = Position<Lanes512, Vector512<float>>(xBase, dBase, rows, columns, gBase, c);
#endif
            if (Vector256.IsHardwareAccelerated) c = Position<Lanes256, Vector256<float>>(xBase, dBase, rows, columns, gBase, c);
            if (Vector128.IsHardwareAccelerated) c = Position<Lanes128, Vector128<float>>(xBase, dBase, rows, columns, gBase, c);
            Position<Lanes1, float>(xBase, dBase, rows, columns, gBase, c);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int Position<TLanes, TVector>(int xBase, int dBase, int rows, int columns, int gBase, int c)
            where TLanes : struct, ISimdLanes<TVector> where TVector : struct
        {
            int lanes = TLanes.Count;
            for (; c <= outC - 2 * lanes; c += 2 * lanes)
            {
                int ci = 0;
                for (; ci <= inC - 4; ci += 4)
                {
                    TVector a00 = TLanes.Zero, a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
                    for (int r = 0; r < rows; r++)
                    {
                        ref float xr = ref Unsafe.Add(ref _x, xBase + r * xRowStep + ci);
                        nuint d = (nuint)(dBase + r * dRowStep + c);
                        for (int q = 0; q < columns; q++, d += (nuint)outC)
                        {
                            ref float xq = ref Unsafe.Add(ref xr, q * xColumnStep);
                            TVector d0 = TLanes.Load(ref _d, d), d1 = TLanes.Load(ref _d, d + (nuint)lanes);
                            TVector s = TLanes.Broadcast(xq);
                            a00 = TLanes.MultiplyAdd(d0, s, a00);
                            a01 = TLanes.MultiplyAdd(d1, s, a01);
                            s = TLanes.Broadcast(Unsafe.Add(ref xq, 1));
                            a10 = TLanes.MultiplyAdd(d0, s, a10);
                            a11 = TLanes.MultiplyAdd(d1, s, a11);
                            s = TLanes.Broadcast(Unsafe.Add(ref xq, 2));
                            a20 = TLanes.MultiplyAdd(d0, s, a20);
                            a21 = TLanes.MultiplyAdd(d1, s, a21);
                            s = TLanes.Broadcast(Unsafe.Add(ref xq, 3));
                            a30 = TLanes.MultiplyAdd(d0, s, a30);
                            a31 = TLanes.MultiplyAdd(d1, s, a31);
                        }
                    }
                    nuint o = (nuint)(gBase + ci * outC + c), step = (nuint)outC, second = (nuint)lanes;
                    AddTo<TLanes, TVector>(a00, o);
                    AddTo<TLanes, TVector>(a01, o + second);
                    AddTo<TLanes, TVector>(a10, o + step);
                    AddTo<TLanes, TVector>(a11, o + step + second);
                    AddTo<TLanes, TVector>(a20, o + 2 * step);
                    AddTo<TLanes, TVector>(a21, o + 2 * step + second);
                    AddTo<TLanes, TVector>(a30, o + 3 * step);
                    AddTo<TLanes, TVector>(a31, o + 3 * step + second);
                }
                for (; ci < inC; ci++)
                {
                    // Even and odd output columns in separate sums: two chains of multiply-adds overlap.
                    TVector a0 = TLanes.Zero, a1 = a0, e0 = a0, e1 = a0;
                    for (int r = 0; r < rows; r++)
                    {
                        ref float xr = ref Unsafe.Add(ref _x, xBase + r * xRowStep + ci);
                        nuint d = (nuint)(dBase + r * dRowStep + c);
                        int q = 0;
                        for (; q <= columns - 2; q += 2, d += 2 * (nuint)outC)
                        {
                            TVector s = TLanes.Broadcast(Unsafe.Add(ref xr, q * xColumnStep)), t = TLanes.Broadcast(Unsafe.Add(ref xr, (q + 1) * xColumnStep));
                            a0 = TLanes.MultiplyAdd(TLanes.Load(ref _d, d), s, a0);
                            a1 = TLanes.MultiplyAdd(TLanes.Load(ref _d, d + (nuint)lanes), s, a1);
                            e0 = TLanes.MultiplyAdd(TLanes.Load(ref _d, d + (nuint)outC), t, e0);
                            e1 = TLanes.MultiplyAdd(TLanes.Load(ref _d, d + (nuint)(outC + lanes)), t, e1);
                        }
                        if (q < columns)
                        {
                            TVector s = TLanes.Broadcast(Unsafe.Add(ref xr, q * xColumnStep));
                            a0 = TLanes.MultiplyAdd(TLanes.Load(ref _d, d), s, a0);
                            a1 = TLanes.MultiplyAdd(TLanes.Load(ref _d, d + (nuint)lanes), s, a1);
                        }
                    }
                    nuint o = (nuint)(gBase + ci * outC + c);
                    AddTo<TLanes, TVector>(TLanes.Add(a0, e0), o);
                    AddTo<TLanes, TVector>(TLanes.Add(a1, e1), o + (nuint)lanes);
                }
            }
            for (; c <= outC - lanes; c += lanes)
            {
                for (int ci = 0; ci < inC; ci++)
                {
                    TVector a = TLanes.Zero;
                    for (int r = 0; r < rows; r++)
                    {
                        ref float xr = ref Unsafe.Add(ref _x, xBase + r * xRowStep + ci);
                        nuint d = (nuint)(dBase + r * dRowStep + c);
                        for (int q = 0; q < columns; q++, d += (nuint)outC)
                            a = TLanes.MultiplyAdd(TLanes.Load(ref _d, d), TLanes.Broadcast(Unsafe.Add(ref xr, q * xColumnStep)), a);
                    }
                    AddTo<TLanes, TVector>(a, (nuint)(gBase + ci * outC + c));
                }
            }
            return c;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void AddTo<TLanes, TVector>(TVector sum, nuint offset) where TLanes : struct, ISimdLanes<TVector> where TVector : struct =>
            TLanes.Store(TLanes.Add(TLanes.Load(ref _g, offset), sum), ref _g, offset);
    }
}
