using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl;

public static partial class ConvolutionKernels
{
    // dx[iy, ix, ci] = sum over the outputs (oy, ox) whose window holds (iy, ix), at kernel position
    // (ky, kx), of kernel[ky, kx, ci, :] . dz[oy, ox, :]. Gathering per input pixel writes each dx once;
    // the dot products run along the output channels, contiguous in the kernel and in dz, eight input
    // channels at a time so that each dz load serves eight, with one horizontal sum per dx.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InputGradient(ReadOnlySpan<float> kernel, ReadOnlySpan<float> dz, Span<float> dx, in Conv2DGeometry g)
    {
        int inW = g.InW, inC = g.InC, outC = g.OutC;
        var t = new InputTile(ref MemoryMarshal.GetReference(kernel), ref MemoryMarshal.GetReference(dz), ref MemoryMarshal.GetReference(dx),
            g.KW, inC, outC, g.OutW, g.StrideH, g.StrideW);
        int sw = g.StrideW;
        for (int iy = 0; iy < g.InH; iy++)
        {
            // Outputs oy with 0 <= ky = iy + PadTop - oy * StrideH < KH.
            int ty = iy + g.PadTop;
            int oy0 = FirstOutput(ty - g.KH + 1, g.StrideH), oy1 = Math.Min(g.OutH - 1, ty / g.StrideH);
            // Input columns StrideW apart meet the kernel at the same positions kx, each one output
            // column further: four of them share every kernel load when no window is clipped.
            for (int phase = 0; phase < Math.Min(sw, inW); phase++)
            {
                for (int ix = phase; ix < inW;)
                {
                    int tx = ix + g.PadLeft;
                    int ox0 = FirstOutput(tx - g.KW + 1, sw), ox1 = Math.Min(g.OutW - 1, tx / sw);
                    if (tx - g.KW + 1 >= 0 && ix + 3 * sw < inW && tx / sw + 3 <= g.OutW - 1)
                    {
                        t.Quad(ty, tx, oy0, oy1, ox0, ox1, (iy * inW + ix) * inC, sw * inC);
                        ix += 4 * sw;
                    }
                    else
                    {
                        t.Pixel(ty, tx, oy0, oy1, ox0, ox1, (iy * inW + ix) * inC);
                        ix += sw;
                    }
                }
            }
        }
    }

    /// <summary>The input gradient's operands; a call writes one input pixel's gradient, all channels.</summary>
    private readonly ref struct InputTile(ref float kernel, ref float dz, ref float dx, int kw, int inC, int outC, int outW, int sh, int sw)
    {
        private readonly ref float _k = ref kernel, _d = ref dz, _dx = ref dx;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Pixel(int ty, int tx, int oy0, int oy1, int ox0, int ox1, int dxBase)
        {
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated && outC >= Vector512<float>.Count)
            {
                Pixel<Lanes512, Vector512<float>>(ty, tx, oy0, oy1, ox0, ox1, dxBase);
                return;
            }
#endif
            if (Vector256.IsHardwareAccelerated && outC >= Vector256<float>.Count)
                Pixel<Lanes256, Vector256<float>>(ty, tx, oy0, oy1, ox0, ox1, dxBase);
            else if (Vector128.IsHardwareAccelerated && outC >= Vector128<float>.Count)
                Pixel<Lanes128, Vector128<float>>(ty, tx, oy0, oy1, ox0, ox1, dxBase);
            else
                Pixel<Lanes1, float>(ty, tx, oy0, oy1, ox0, ox1, dxBase);
        }

        // Four input pixels StrideW apart (dx offsets dxStep apart), pixel p reading output column ox + p.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Quad(int ty, int tx, int oy0, int oy1, int ox0, int ox1, int dxBase, int dxStep)
        {
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated && outC >= Vector512<float>.Count)
            {
                Quad<Lanes512, Vector512<float>>(ty, tx, oy0, oy1, ox0, ox1, dxBase, dxStep);
                return;
            }
#endif
            if (Vector256.IsHardwareAccelerated && outC >= Vector256<float>.Count)
                Quad<Lanes256, Vector256<float>>(ty, tx, oy0, oy1, ox0, ox1, dxBase, dxStep);
            else if (Vector128.IsHardwareAccelerated && outC >= Vector128<float>.Count)
                Quad<Lanes128, Vector128<float>>(ty, tx, oy0, oy1, ox0, ox1, dxBase, dxStep);
            else
                Quad<Lanes1, float>(ty, tx, oy0, oy1, ox0, ox1, dxBase, dxStep);
        }

        // Sums for four input channels of four pixels in registers: per output-channel vector, four
        // kernel loads and four dz loads feed sixteen multiply-adds.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Quad<TLanes, TVector>(int ty, int tx, int oy0, int oy1, int ox0, int ox1, int dxBase, int dxStep)
            where TLanes : struct, ISimdLanes<TVector> where TVector : struct
        {
            int lanes = TLanes.Count, vectorEnd = outC - outC % lanes;
            nuint row = (nuint)outC;
            int ci = 0;
            for (; ci <= inC - 4; ci += 4)
            {
                TVector a00 = TLanes.Zero, a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00, a12 = a00, a13 = a00;
                TVector a20 = a00, a21 = a00, a22 = a00, a23 = a00, a30 = a00, a31 = a00, a32 = a00, a33 = a00;
                for (int oy = oy0; oy <= oy1; oy++)
                {
                    int ky = ty - oy * sh;
                    for (int ox = ox0; ox <= ox1; ox++)
                    {
                        int kx = tx - ox * sw;
                        nuint k = (nuint)(((ky * kw + kx) * inC + ci) * outC), d = (nuint)((oy * outW + ox) * outC);
                        for (int c = 0; c < vectorEnd; c += lanes, k += (nuint)lanes, d += (nuint)lanes)
                        {
                            TVector d0 = TLanes.Load(ref _d, d), d1 = TLanes.Load(ref _d, d + row), d2 = TLanes.Load(ref _d, d + 2 * row), d3 = TLanes.Load(ref _d, d + 3 * row);
                            TVector w = TLanes.Load(ref _k, k);
                            a00 = TLanes.MultiplyAdd(w, d0, a00);
                            a01 = TLanes.MultiplyAdd(w, d1, a01);
                            a02 = TLanes.MultiplyAdd(w, d2, a02);
                            a03 = TLanes.MultiplyAdd(w, d3, a03);
                            w = TLanes.Load(ref _k, k + row);
                            a10 = TLanes.MultiplyAdd(w, d0, a10);
                            a11 = TLanes.MultiplyAdd(w, d1, a11);
                            a12 = TLanes.MultiplyAdd(w, d2, a12);
                            a13 = TLanes.MultiplyAdd(w, d3, a13);
                            w = TLanes.Load(ref _k, k + 2 * row);
                            a20 = TLanes.MultiplyAdd(w, d0, a20);
                            a21 = TLanes.MultiplyAdd(w, d1, a21);
                            a22 = TLanes.MultiplyAdd(w, d2, a22);
                            a23 = TLanes.MultiplyAdd(w, d3, a23);
                            w = TLanes.Load(ref _k, k + 3 * row);
                            a30 = TLanes.MultiplyAdd(w, d0, a30);
                            a31 = TLanes.MultiplyAdd(w, d1, a31);
                            a32 = TLanes.MultiplyAdd(w, d2, a32);
                            a33 = TLanes.MultiplyAdd(w, d3, a33);
                        }
                    }
                }
                Write<TLanes, TVector>(a00, a10, a20, a30, dxBase + ci);
                Write<TLanes, TVector>(a01, a11, a21, a31, dxBase + dxStep + ci);
                Write<TLanes, TVector>(a02, a12, a22, a32, dxBase + 2 * dxStep + ci);
                Write<TLanes, TVector>(a03, a13, a23, a33, dxBase + 3 * dxStep + ci);
            }
            for (; ci < inC; ci++)
            {
                TVector a0 = TLanes.Zero, a1 = a0, a2 = a0, a3 = a0;
                for (int oy = oy0; oy <= oy1; oy++)
                {
                    int ky = ty - oy * sh;
                    for (int ox = ox0; ox <= ox1; ox++)
                    {
                        int kx = tx - ox * sw;
                        nuint k = (nuint)(((ky * kw + kx) * inC + ci) * outC), d = (nuint)((oy * outW + ox) * outC);
                        for (int c = 0; c < vectorEnd; c += lanes, k += (nuint)lanes, d += (nuint)lanes)
                        {
                            TVector w = TLanes.Load(ref _k, k);
                            a0 = TLanes.MultiplyAdd(w, TLanes.Load(ref _d, d), a0);
                            a1 = TLanes.MultiplyAdd(w, TLanes.Load(ref _d, d + row), a1);
                            a2 = TLanes.MultiplyAdd(w, TLanes.Load(ref _d, d + 2 * row), a2);
                            a3 = TLanes.MultiplyAdd(w, TLanes.Load(ref _d, d + 3 * row), a3);
                        }
                    }
                }
                Unsafe.Add(ref _dx, dxBase + ci) = TLanes.Sum(a0);
                Unsafe.Add(ref _dx, dxBase + dxStep + ci) = TLanes.Sum(a1);
                Unsafe.Add(ref _dx, dxBase + 2 * dxStep + ci) = TLanes.Sum(a2);
                Unsafe.Add(ref _dx, dxBase + 3 * dxStep + ci) = TLanes.Sum(a3);
            }
            if (vectorEnd == outC) return;
            for (int p = 0; p < 4; p++) AddTails(ty, tx + p * sw, oy0, oy1, ox0 + p, ox1 + p, dxBase + p * dxStep, vectorEnd);
        }

        // One pixel's sums for four input channels from at on.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Write<TLanes, TVector>(TVector a0, TVector a1, TVector a2, TVector a3, int at)
            where TLanes : struct, ISimdLanes<TVector> where TVector : struct
        {
            ref float o = ref Unsafe.Add(ref _dx, at);
            o = TLanes.Sum(a0);
            Unsafe.Add(ref o, 1) = TLanes.Sum(a1);
            Unsafe.Add(ref o, 2) = TLanes.Sum(a2);
            Unsafe.Add(ref o, 3) = TLanes.Sum(a3);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Pixel<TLanes, TVector>(int ty, int tx, int oy0, int oy1, int ox0, int ox1, int dxBase)
            where TLanes : struct, ISimdLanes<TVector> where TVector : struct
        {
            int lanes = TLanes.Count, vectorEnd = outC - outC % lanes;
            nuint row = (nuint)outC;
            int ci = 0;
            for (; ci <= inC - 8; ci += 8)
            {
                TVector a0 = TLanes.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
                for (int oy = oy0; oy <= oy1; oy++)
                {
                    int ky = ty - oy * sh;
                    for (int ox = ox0; ox <= ox1; ox++)
                    {
                        int kx = tx - ox * sw;
                        nuint k = (nuint)(((ky * kw + kx) * inC + ci) * outC), d = (nuint)((oy * outW + ox) * outC);
                        for (int c = 0; c < vectorEnd; c += lanes, k += (nuint)lanes, d += (nuint)lanes)
                        {
                            TVector v = TLanes.Load(ref _d, d);
                            a0 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k), v, a0);
                            a1 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + row), v, a1);
                            a2 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + 2 * row), v, a2);
                            a3 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + 3 * row), v, a3);
                            a4 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + 4 * row), v, a4);
                            a5 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + 5 * row), v, a5);
                            a6 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + 6 * row), v, a6);
                            a7 = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + 7 * row), v, a7);
                        }
                    }
                }
                Write<TLanes, TVector>(a0, a1, a2, a3, dxBase + ci);
                Write<TLanes, TVector>(a4, a5, a6, a7, dxBase + ci + 4);
            }
            for (; ci < inC; ci++)
            {
                TVector a = TLanes.Zero, e = a;
                for (int oy = oy0; oy <= oy1; oy++)
                {
                    int ky = ty - oy * sh;
                    for (int ox = ox0; ox <= ox1; ox++)
                    {
                        int kx = tx - ox * sw;
                        nuint k = (nuint)(((ky * kw + kx) * inC + ci) * outC), d = (nuint)((oy * outW + ox) * outC);
                        int c = 0;
                        for (; c <= vectorEnd - 2 * lanes; c += 2 * lanes)
                        {
                            a = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + (nuint)c), TLanes.Load(ref _d, d + (nuint)c), a);
                            e = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + (nuint)(c + lanes)), TLanes.Load(ref _d, d + (nuint)(c + lanes)), e);
                        }
                        if (c < vectorEnd) a = TLanes.MultiplyAdd(TLanes.Load(ref _k, k + (nuint)c), TLanes.Load(ref _d, d + (nuint)c), a);
                    }
                }
                Unsafe.Add(ref _dx, dxBase + ci) = TLanes.Sum(TLanes.Add(a, e));
            }
            if (vectorEnd < outC) AddTails(ty, tx, oy0, oy1, ox0, ox1, dxBase, vectorEnd);
        }

        // Adds the output channels past the last whole vector to one pixel's gradient. Kept out of the
        // vector loops: a call there would make the JIT spill their sums.
        private void AddTails(int ty, int tx, int oy0, int oy1, int ox0, int ox1, int dxBase, int from)
        {
            for (int ci = 0; ci < inC; ci++)
            {
                float sum = 0f;
                for (int oy = oy0; oy <= oy1; oy++)
                for (int ox = ox0; ox <= ox1; ox++)
                {
                    int k = (((ty - oy * sh) * kw + tx - ox * sw) * inC + ci) * outC, d = (oy * outW + ox) * outC;
                    for (int c = from; c < outC; c++) sum += Unsafe.Add(ref _k, k + c) * Unsafe.Add(ref _d, d + c);
                }
                Unsafe.Add(ref _dx, dxBase + ci) += sum;
            }
        }
    }
}
