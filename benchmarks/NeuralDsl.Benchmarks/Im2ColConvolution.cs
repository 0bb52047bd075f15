using System;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The alternative that ConvolutionBenchmarks measures the direct kernels against: im2col (each output
/// pixel's window copied into a row of a [OutH * OutW, KH * KW * InC] matrix, zeros for padding) and the
/// Dense layer's blocked matrix products, whose input-major weights are the Keras kernel as it is.
/// Needs a caller-owned column buffer, which the kernel API has no room for.
/// </summary>
internal static class Im2ColConvolution
{
    public static int ColumnsSize(in Conv2DGeometry g) => g.OutH * g.OutW * g.KH * g.KW * g.InC;

    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> bias, Span<float> z, Span<float> columns, in Conv2DGeometry g)
    {
        columns = columns.Slice(0, ColumnsSize(g));
        Im2Col(x, columns, g);
        DenseKernels.ForwardBatch(kernel, bias, columns, z, g.KH * g.KW * g.InC, g.OutC);
    }

    /// <summary>Kernel and bias gradients as the batch product of the columns with dz; dx through the column gradients, scattered back.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, ReadOnlySpan<float> dz, Span<float> dKernel, Span<float> dBias,
        Span<float> dx, Span<float> columns, in Conv2DGeometry g)
    {
        int window = g.KH * g.KW * g.InC;
        columns = columns.Slice(0, ColumnsSize(g));
        Im2Col(x, columns, g);
        DenseKernels.AccumulateGradientsBatch(columns, dz, dKernel, dBias, window, g.OutC);
        if (dx.IsEmpty) return;
        for (int p = 0; p < g.OutH * g.OutW; p++)
            DenseKernels.InputGradient(kernel, dz.Slice(p * g.OutC, g.OutC), columns.Slice(p * window, window));
        Col2Im(columns, dx, g);
    }

    private static void Im2Col(ReadOnlySpan<float> x, Span<float> columns, in Conv2DGeometry g)
    {
        int window = g.KH * g.KW * g.InC, run = g.KW * g.InC;
        for (int oy = 0; oy < g.OutH; oy++)
        for (int ox = 0; ox < g.OutW; ox++)
        {
            Span<float> row = columns.Slice((oy * g.OutW + ox) * window, window);
            int ix = ox * g.StrideW - g.PadLeft, kx0 = Math.Max(0, -ix), kx1 = Math.Min(g.KW, g.InW - ix);
            for (int ky = 0; ky < g.KH; ky++)
            {
                Span<float> part = row.Slice(ky * run, run);
                int iy = oy * g.StrideH - g.PadTop + ky;
                if (iy < 0 || iy >= g.InH || kx0 >= kx1)
                {
                    part.Clear();
                    continue;
                }
                part.Slice(0, kx0 * g.InC).Clear();
                x.Slice((iy * g.InW + ix + kx0) * g.InC, (kx1 - kx0) * g.InC).CopyTo(part.Slice(kx0 * g.InC));
                part.Slice(kx1 * g.InC).Clear();
            }
        }
    }

    private static void Col2Im(ReadOnlySpan<float> columns, Span<float> dx, in Conv2DGeometry g)
    {
        dx.Clear();
        int window = g.KH * g.KW * g.InC, run = g.KW * g.InC;
        for (int oy = 0; oy < g.OutH; oy++)
        for (int ox = 0; ox < g.OutW; ox++)
        {
            ReadOnlySpan<float> row = columns.Slice((oy * g.OutW + ox) * window, window);
            int ix = ox * g.StrideW - g.PadLeft, kx0 = Math.Max(0, -ix), kx1 = Math.Min(g.KW, g.InW - ix);
            for (int ky = 0; ky < g.KH; ky++)
            {
                int iy = oy * g.StrideH - g.PadTop + ky;
                if (iy < 0 || iy >= g.InH || kx0 >= kx1) continue;
                Kernels.Axpy(1f, row.Slice(ky * run + kx0 * g.InC, (kx1 - kx0) * g.InC), dx.Slice((iy * g.InW + ix + kx0) * g.InC, (kx1 - kx0) * g.InC));
            }
        }
    }
}
