using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace NeuralDsl;

public static partial class ConvolutionKernels
{
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
                Span<float> row = y.Slice((oy * g.OutW + ox) * c, c);
                x.Slice((iy0 * g.InW + ix0) * c, c).CopyTo(row);
                for (int iy = iy0; iy < iy1; iy++)
                for (int ix = iy == iy0 ? ix0 + 1 : ix0; ix < ix1; ix++)
                    TensorPrimitives.Max(row, x.Slice((iy * g.InW + ix) * c, c), row);
            }
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
                int o = (oy * g.OutW + ox) * c;
                for (int ch = 0; ch < c; ch++)
                {
                    int best = (iy0 * g.InW + ix0) * c + ch;
                    float max = x[best];
                    for (int iy = iy0; iy < iy1; iy++)
                    for (int ix = ix0; ix < ix1; ix++)
                    {
                        int i = (iy * g.InW + ix) * c + ch;
                        float v = x[i];
                        // Strictly greater keeps the first of equal maxima; the first NaN wins, as it is the forward result.
                        if (v > max || (float.IsNaN(v) && !float.IsNaN(max)))
                        {
                            max = v;
                            best = i;
                        }
                    }
                    dx[best] += dy[o + ch];
                }
            }
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
                Span<float> row = y.Slice((oy * g.OutW + ox) * c, c);
                row.Clear();
                for (int iy = iy0; iy < iy1; iy++)
                for (int ix = ix0; ix < ix1; ix++)
                    TensorPrimitives.Add(row, x.Slice((iy * g.InW + ix) * c, c), row);
                TensorPrimitives.Multiply(row, 1f / ((iy1 - iy0) * (ix1 - ix0)), row);
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
                ReadOnlySpan<float> d = dy.Slice((oy * g.OutW + ox) * c, c);
                float share = 1f / ((iy1 - iy0) * (ix1 - ix0));
                for (int iy = iy0; iy < iy1; iy++)
                for (int ix = ix0; ix < ix1; ix++)
                    Kernels.Axpy(share, d, dx.Slice((iy * g.InW + ix) * c, c));
            }
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
