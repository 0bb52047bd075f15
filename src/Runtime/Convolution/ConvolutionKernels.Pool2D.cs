using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl;

public static partial class ConvolutionKernels
{
    private const int Lanes = 8; // Vector256<float>

    /// <summary>One sample: each output is the maximum of its window, padded positions ignored (NaN propagates).</summary>
    /// <param name="x">The input, <c>[InH, InW, C]</c>.</param>
    /// <param name="y">The output, <c>[OutH, OutW, C]</c>, overwritten.</param>
    /// <param name="g">The geometry.</param>
    /// <exception cref="ArgumentException">The geometry is inconsistent, a span has the wrong length, or <paramref name="y"/> overlaps <paramref name="x"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MaxPool2DForward(ReadOnlySpan<float> x, Span<float> y, in Pool2DGeometry g)
    {
        CheckPool(x, "InH x InW x C", y, "OutH x OutW x C", g, nameof(x), nameof(y));
        int c = g.C;
        for (int oy = 0; oy < g.OutH; oy++)
        {
            PoolRange(oy, g.StrideH, g.PadTop, g.PoolH, g.InH, out int iy0, out int iy1);
            for (int ox = 0; ox < g.OutW; ox++)
            {
                PoolRange(ox, g.StrideW, g.PadLeft, g.PoolW, g.InW, out int ix0, out int ix1);
                Window(x, y.Slice((oy * g.OutW + ox) * c, c), iy0, iy1, ix0, ix1, g.InW, c, max: true);
            }
        }
    }

    // One window's maximum (max) or mean of every channel, eight channels per vector. The maximum
    // propagates NaN, as Math.Max does: a NaN is taken, and once taken nothing replaces it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Window(ReadOnlySpan<float> x, Span<float> y, int iy0, int iy1, int ix0, int ix1, int inW, int c, bool max)
    {
        int ch = 0;
        float share = 1f / ((iy1 - iy0) * (ix1 - ix0));
        ref float xs = ref MemoryMarshal.GetReference(x);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; ch <= c - Lanes; ch += Lanes)
            {
                Vector256<float> a = max ? Vector256.LoadUnsafe(ref xs, (nuint)((iy0 * inW + ix0) * c + ch)) : Vector256<float>.Zero;
                for (int iy = iy0; iy < iy1; iy++)
                for (int ix = ix0; ix < ix1; ix++)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref xs, (nuint)((iy * inW + ix) * c + ch));
                    a = max ? Vector256.ConditionalSelect(Vector256.GreaterThan(v, a) | ~Vector256.Equals(v, v), v, a) : a + v;
                }
                (max ? a : a * share).CopyTo(y.Slice(ch));
            }
        }
        for (; ch < c; ch++)
        {
            float a = max ? x[(iy0 * inW + ix0) * c + ch] : 0f;
            for (int iy = iy0; iy < iy1; iy++)
            for (int ix = ix0; ix < ix1; ix++)
            {
                float v = x[(iy * inW + ix) * c + ch];
                a = max ? (v > a || float.IsNaN(v) ? v : a) : a + v;
            }
            y[ch] = max ? a : a * share;
        }
    }

    /// <summary>
    /// One sample's backward pass of <see cref="MaxPool2DForward"/>: each output's gradient goes to the
    /// first maximum of its window in row-major scan order (PyTorch's rule), recomputed from
    /// <paramref name="x"/>. Overwrites <paramref name="dx"/>; a position in several windows sums their gradients.
    /// </summary>
    /// <param name="x">The forward pass's input, <c>[InH, InW, C]</c>.</param>
    /// <param name="dy">The gradient with respect to the output, <c>[OutH, OutW, C]</c>.</param>
    /// <param name="dx">The gradient with respect to the input, <c>[InH, InW, C]</c>, overwritten.</param>
    /// <param name="g">The geometry.</param>
    /// <exception cref="ArgumentException">The geometry is inconsistent, a span has the wrong length, or <paramref name="dx"/> overlaps an input.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MaxPool2DBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, in Pool2DGeometry g)
    {
        CheckPool(dx, "InH x InW x C", dy, "OutH x OutW x C", g, nameof(dx), nameof(dy));
        NetworkGuard.Length(x.Length, g.InputSize, "InH x InW x C", nameof(x));
        NetworkGuard.NoOverlap(x, dx, nameof(dx));
        NetworkGuard.NoOverlap(dy, dx, nameof(dx));
        dx.Clear();
        int c = g.C;
        for (int oy = 0; oy < g.OutH; oy++)
        {
            PoolRange(oy, g.StrideH, g.PadTop, g.PoolH, g.InH, out int iy0, out int iy1);
            for (int ox = 0; ox < g.OutW; ox++)
            {
                PoolRange(ox, g.StrideW, g.PadLeft, g.PoolW, g.InW, out int ix0, out int ix1);
                MaxBackward(x, dy.Slice((oy * g.OutW + ox) * c, c), dx, iy0, iy1, ix0, ix1, g.InW, c);
            }
        }
    }

    // One window: each channel's gradient goes to the first position holding its maximum. Vectors of
    // eight channels keep the running maximum and its position in the window (a float, exact below
    // 2^24 positions), then add dy where the position matches.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, int iy0, int iy1, int ix0, int ix1, int inW, int c)
    {
        int ch = 0;
        int width = ix1 - ix0;
        if (Vector256.IsHardwareAccelerated && (iy1 - iy0) * width < 1 << 24)
        {
            ref float xs = ref MemoryMarshal.GetReference(x);
            ref float gs = ref MemoryMarshal.GetReference(dx);
            for (; ch <= c - Lanes; ch += Lanes)
            {
                Vector256<float> max = Vector256.LoadUnsafe(ref xs, (nuint)((iy0 * inW + ix0) * c + ch)), at = Vector256<float>.Zero;
                int position = 0;
                for (int iy = iy0; iy < iy1; iy++)
                for (int ix = ix0; ix < ix1; ix++, position++)
                {
                    Vector256<float> v = Vector256.LoadUnsafe(ref xs, (nuint)((iy * inW + ix) * c + ch));
                    // Strictly greater keeps the first of equal maxima; the first NaN wins, as it is the forward result.
                    Vector256<float> later = Vector256.GreaterThan(v, max) | (~Vector256.Equals(v, v) & Vector256.Equals(max, max));
                    max = Vector256.ConditionalSelect(later, v, max);
                    at = Vector256.ConditionalSelect(later, Vector256.Create((float)position), at);
                }
                Vector256<float> d = Vector256.Create(dy.Slice(ch, Lanes));
                position = 0;
                for (int iy = iy0; iy < iy1; iy++)
                for (int ix = ix0; ix < ix1; ix++, position++)
                {
                    nuint i = (nuint)((iy * inW + ix) * c + ch);
                    Vector256<float> mine = Vector256.Equals(at, Vector256.Create((float)position)) & d;
                    (Vector256.LoadUnsafe(ref gs, i) + mine).StoreUnsafe(ref gs, i);
                }
            }
        }
        for (; ch < c; ch++)
        {
            int best = (iy0 * inW + ix0) * c + ch;
            float max = x[best];
            for (int iy = iy0; iy < iy1; iy++)
            for (int ix = ix0; ix < ix1; ix++)
            {
                int i = (iy * inW + ix) * c + ch;
                float v = x[i];
                if (v > max || (float.IsNaN(v) && !float.IsNaN(max)))
                {
                    max = v;
                    best = i;
                }
            }
            dx[best] += dy[ch];
        }
    }

    /// <summary>One sample: each output is the mean of the input positions in its window (padded positions are not counted).</summary>
    /// <param name="x">The input, <c>[InH, InW, C]</c>.</param>
    /// <param name="y">The output, <c>[OutH, OutW, C]</c>, overwritten.</param>
    /// <param name="g">The geometry.</param>
    /// <exception cref="ArgumentException">The geometry is inconsistent, a span has the wrong length, or <paramref name="y"/> overlaps <paramref name="x"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AveragePool2DForward(ReadOnlySpan<float> x, Span<float> y, in Pool2DGeometry g)
    {
        CheckPool(x, "InH x InW x C", y, "OutH x OutW x C", g, nameof(x), nameof(y));
        int c = g.C;
        for (int oy = 0; oy < g.OutH; oy++)
        {
            PoolRange(oy, g.StrideH, g.PadTop, g.PoolH, g.InH, out int iy0, out int iy1);
            for (int ox = 0; ox < g.OutW; ox++)
            {
                PoolRange(ox, g.StrideW, g.PadLeft, g.PoolW, g.InW, out int ix0, out int ix1);
                Window(x, y.Slice((oy * g.OutW + ox) * c, c), iy0, iy1, ix0, ix1, g.InW, c, max: false);
            }
        }
    }

    /// <summary>
    /// One sample's backward pass of <see cref="AveragePool2DForward"/>: each output's gradient is shared
    /// equally by the input positions of its window. Overwrites <paramref name="dx"/>.
    /// </summary>
    /// <param name="dy">The gradient with respect to the output, <c>[OutH, OutW, C]</c>.</param>
    /// <param name="dx">The gradient with respect to the input, <c>[InH, InW, C]</c>, overwritten.</param>
    /// <param name="g">The geometry.</param>
    /// <exception cref="ArgumentException">The geometry is inconsistent, a span has the wrong length, or <paramref name="dx"/> overlaps <paramref name="dy"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AveragePool2DBackward(ReadOnlySpan<float> dy, Span<float> dx, in Pool2DGeometry g)
    {
        CheckPool(dx, "InH x InW x C", dy, "OutH x OutW x C", g, nameof(dx), nameof(dy));
        NetworkGuard.NoOverlap(dy, dx, nameof(dx));
        dx.Clear();
        int c = g.C;
        for (int oy = 0; oy < g.OutH; oy++)
        {
            PoolRange(oy, g.StrideH, g.PadTop, g.PoolH, g.InH, out int iy0, out int iy1);
            for (int ox = 0; ox < g.OutW; ox++)
            {
                PoolRange(ox, g.StrideW, g.PadLeft, g.PoolW, g.InW, out int ix0, out int ix1);
                Spread(dy.Slice((oy * g.OutW + ox) * c, c), dx, iy0, iy1, ix0, ix1, g.InW, c);
            }
        }
    }

    // One window: dx += d / (positions in the window) at each of its positions, eight channels per vector.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Spread(ReadOnlySpan<float> d, Span<float> dx, int iy0, int iy1, int ix0, int ix1, int inW, int c)
    {
        float share = 1f / ((iy1 - iy0) * (ix1 - ix0));
        ref float gs = ref MemoryMarshal.GetReference(dx);
        int ch = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; ch <= c - Lanes; ch += Lanes)
            {
                Vector256<float> v = Vector256.Create(d.Slice(ch, Lanes)) * share;
                for (int iy = iy0; iy < iy1; iy++)
                for (int ix = ix0; ix < ix1; ix++)
                {
                    nuint i = (nuint)((iy * inW + ix) * c + ch);
                    (Vector256.LoadUnsafe(ref gs, i) + v).StoreUnsafe(ref gs, i);
                }
            }
        }
        for (; ch < c; ch++)
        {
            float v = d[ch] * share;
            for (int iy = iy0; iy < iy1; iy++)
            for (int ix = ix0; ix < ix1; ix++)
                dx[(iy * inW + ix) * c + ch] += v;
        }
    }

    // The input positions [from, to) of output o's window along one axis, clipped to the input.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PoolRange(int o, int stride, int padBefore, int window, int input, out int from, out int to)
    {
        int start = o * stride - padBefore;
        from = Math.Max(0, start);
        to = Math.Min(input, start + window);
    }

    private static void CheckPool(ReadOnlySpan<float> input, string inputConstant, ReadOnlySpan<float> output, string outputConstant,
        in Pool2DGeometry g, string inputName, string outputName)
    {
        g.Validate(nameof(g));
        NetworkGuard.Length(input.Length, g.InputSize, inputConstant, inputName);
        NetworkGuard.Length(output.Length, g.OutputSize, outputConstant, outputName);
        NetworkGuard.NoOverlap(input, output, outputName);
    }
}
