using System;

namespace NeuralDsl.Tests.Convolution;

/// <summary>
/// The layers' definitions in double precision, written from the formulas (every output position and
/// every window offset, padding tested per index), independent of the kernels' loop structure.
/// </summary>
internal static class ConvolutionDefinition
{
    public static double[] Conv2D(float[] x, float[] kernel, float[] bias, Conv2DGeometry g)
    {
        var z = new double[g.OutputSize];
        for (int oy = 0; oy < g.OutH; oy++)
        for (int ox = 0; ox < g.OutW; ox++)
        for (int co = 0; co < g.OutC; co++)
        {
            double sum = bias.Length == 0 ? 0 : bias[co];
            for (int ky = 0; ky < g.KH; ky++)
            for (int kx = 0; kx < g.KW; kx++)
            {
                int iy = oy * g.StrideH - g.PadTop + ky, ix = ox * g.StrideW - g.PadLeft + kx;
                if (iy < 0 || iy >= g.InH || ix < 0 || ix >= g.InW) continue; // zero padding
                for (int ci = 0; ci < g.InC; ci++)
                    sum += (double)x[(iy * g.InW + ix) * g.InC + ci] * kernel[((ky * g.KW + kx) * g.InC + ci) * g.OutC + co];
            }
            z[(oy * g.OutW + ox) * g.OutC + co] = sum;
        }
        return z;
    }

    public static double[] Pool2D(float[] x, Pool2DGeometry g, bool max)
    {
        var y = new double[g.OutputSize];
        for (int oy = 0; oy < g.OutH; oy++)
        for (int ox = 0; ox < g.OutW; ox++)
        for (int c = 0; c < g.C; c++)
        {
            double sum = 0, best = double.NegativeInfinity;
            int count = 0;
            for (int py = 0; py < g.PoolH; py++)
            for (int px = 0; px < g.PoolW; px++)
            {
                int iy = oy * g.StrideH - g.PadTop + py, ix = ox * g.StrideW - g.PadLeft + px;
                if (iy < 0 || iy >= g.InH || ix < 0 || ix >= g.InW) continue; // padding takes no part
                double v = x[(iy * g.InW + ix) * g.C + c];
                sum += v;
                best = Math.Max(best, v);
                count++;
            }
            y[(oy * g.OutW + ox) * g.C + c] = max ? best : sum / count;
        }
        return y;
    }

    /// <summary>Central difference of <c>sum(r * f(v))</c> with respect to each entry of <paramref name="v"/>, in double precision.</summary>
    public static double[] Gradient(float[] v, double[] r, Func<float[], double[]> f, float step)
    {
        var gradient = new double[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            float saved = v[i];
            float above = saved + step, below = saved - step; // the step actually taken is what float rounding leaves
            v[i] = above;
            double up = Weighted(r, f(v));
            v[i] = below;
            double down = Weighted(r, f(v));
            v[i] = saved;
            gradient[i] = (up - down) / ((double)above - below);
        }
        return gradient;
    }

    private static double Weighted(double[] r, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum += r[i] * y[i];
        return sum;
    }

    public static float[] Normal(ref SeededRandom random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)random.NextNormal();
        return values;
    }

    public static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    /// <summary>Asserts every entry within <paramref name="relative"/> of the largest expected magnitude (at least 1).</summary>
    public static void Close(double[] expected, ReadOnlySpan<float> actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 1;
        foreach (double e in expected) scale = Math.Max(scale, Math.Abs(e));
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= relative * scale, $"{what}[{i}]: {actual[i]} vs {expected[i]} (scale {scale})");
    }
}
