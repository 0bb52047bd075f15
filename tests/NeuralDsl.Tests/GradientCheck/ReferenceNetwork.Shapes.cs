using System;

namespace NeuralDsl.Tests.GradientCheck;

// The shaped layers, from their textbook definitions and the layer table alone (shapes, window size,
// strides, padding): channels-last samples, Keras' kernel layout [kh, kw, in, out], TensorFlow's
// `same` padding computed here again from its rule, padded positions zero for a convolution, ignored
// by a max pool and not counted by an average pool.
internal static partial class ReferenceNetwork
{
    private static double[][] Convolve(LayerInfo layer, ReadOnlySpan<double> p, double[][] x)
    {
        TensorShape input = layer.InputShape, output = layer.OutputShape;
        int kh = layer.Kind == LayerKind.Conv2D ? layer.KernelSize : 1, kw = layer.KernelSize;
        int sh = layer.Kind == LayerKind.Conv2D ? layer.Strides : 1, sw = layer.Strides;
        int top = PadBefore(layer, input.Height, output.Height, kh, sh), left = PadBefore(layer, input.Width, output.Width, kw, sw);
        int cin = input.Channels, cout = output.Channels;
        double[][] z = new double[x.Length][];
        for (int n = 0; n < x.Length; n++)
        {
            z[n] = new double[output.Size];
            for (int oy = 0; oy < output.Height; oy++)
            for (int ox = 0; ox < output.Width; ox++)
            for (int co = 0; co < cout; co++)
            {
                double sum = layer.UseBias ? p[layer.BiasOffset + co] : 0;
                for (int ky = 0; ky < kh; ky++)
                for (int kx = 0; kx < kw; kx++)
                {
                    int iy = oy * sh + ky - top, ix = ox * sw + kx - left;
                    if (iy < 0 || iy >= input.Height || ix < 0 || ix >= input.Width) continue;
                    for (int ci = 0; ci < cin; ci++)
                        sum += p[layer.WeightOffset + ((ky * kw + kx) * cin + ci) * cout + co] * x[n][(iy * input.Width + ix) * cin + ci];
                }
                z[n][(oy * output.Width + ox) * cout + co] = sum;
            }
        }
        return z;
    }

    private static double[][] Pool(LayerInfo layer, double[][] x, bool max)
    {
        TensorShape input = layer.InputShape, output = layer.OutputShape;
        bool twoD = layer.Kind is LayerKind.MaxPool2D or LayerKind.AveragePool2D;
        int kh = twoD ? layer.KernelSize : 1, kw = layer.KernelSize, sh = twoD ? layer.Strides : 1, sw = layer.Strides;
        int top = PadBefore(layer, input.Height, output.Height, kh, sh), left = PadBefore(layer, input.Width, output.Width, kw, sw);
        int c = input.Channels;
        double[][] y = new double[x.Length][];
        for (int n = 0; n < x.Length; n++)
        {
            y[n] = new double[output.Size];
            for (int oy = 0; oy < output.Height; oy++)
            for (int ox = 0; ox < output.Width; ox++)
            for (int ch = 0; ch < c; ch++)
            {
                double best = double.NegativeInfinity, sum = 0;
                int count = 0;
                for (int ky = 0; ky < kh; ky++)
                for (int kx = 0; kx < kw; kx++)
                {
                    int iy = oy * sh + ky - top, ix = ox * sw + kx - left;
                    if (iy < 0 || iy >= input.Height || ix < 0 || ix >= input.Width) continue;
                    double v = x[n][(iy * input.Width + ix) * c + ch];
                    best = Math.Max(best, v);
                    sum += v;
                    count++;
                }
                y[n][(oy * output.Width + ox) * c + ch] = max ? best : sum / count;
            }
        }
        return y;
    }

    private static double[][] GlobalAverage(LayerInfo layer, double[][] x)
    {
        TensorShape input = layer.InputShape;
        int positions = input.Height * input.Width, c = input.Channels;
        double[][] y = new double[x.Length][];
        for (int n = 0; n < x.Length; n++)
        {
            y[n] = new double[c];
            for (int i = 0; i < positions; i++)
                for (int ch = 0; ch < c; ch++) y[n][ch] += x[n][i * c + ch] / positions;
        }
        return y;
    }

    /// <summary>TensorFlow's `same`: total padding max((out - 1) * s + k - in, 0), the smaller half before.</summary>
    private static int PadBefore(LayerInfo layer, int input, int output, int kernel, int stride)
    {
        if (layer.Padding == Padding.Valid)
        {
            Assert.Equal((input - kernel) / stride + 1, output);
            return 0;
        }
        Assert.Equal((input + stride - 1) / stride, output);
        return Math.Max((output - 1) * stride + kernel - input, 0) / 2;
    }
}
