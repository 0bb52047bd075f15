using System;
using static NeuralDsl.Tests.Convolution.ConvolutionDefinition;

namespace NeuralDsl.Tests.Convolution;

/// <summary>The pooling kernels against the definition, their backward passes against central differences.</summary>
public class Pool2DKernelTests
{
    public static TheoryData<string, Pool2DGeometry> Geometries => new()
    {
        // name, geometry (InH, InW, C, PoolH, PoolW, StrideH, StrideW, PadTop, PadLeft, OutH, OutW)
        { "2x2 stride 2", new Pool2DGeometry(6, 4, 3, 2, 2, 2, 2, 0, 0, 3, 2) },
        { "2x2 stride 2, odd size floors", new Pool2DGeometry(5, 7, 2, 2, 2, 2, 2, 0, 0, 2, 3) },
        // Keras "same", In 5, pool 2, stride 2: Out 3, 0 before, 1 after.
        { "same, padding after", new Pool2DGeometry(5, 5, 4, 2, 2, 2, 2, 0, 0, 3, 3) },
        // Pool 3, stride 1, "same": 1 before and 1 after; overlapping windows.
        { "3x3 stride 1, same", new Pool2DGeometry(4, 5, 9, 3, 3, 1, 1, 1, 1, 4, 5) },
        // Pool 3, stride 2 on 6: Out 3, 1 in total, 0 before; 3 on 7 with pad 1 before and after.
        { "3x3 stride 2, mixed padding", new Pool2DGeometry(6, 7, 3, 3, 3, 2, 2, 0, 1, 3, 4) },
        { "1-D pool 3 stride 2, same", new Pool2DGeometry(1, 9, 5, 1, 3, 1, 2, 0, 1, 1, 5) },
        { "1-D pool 2", new Pool2DGeometry(1, 8, 33, 1, 2, 1, 2, 0, 0, 1, 4) },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Forward_matches_the_definition(string name, Pool2DGeometry g)
    {
        var random = new SeededRandom(name.Length + 11 * g.C);
        float[] x = Normal(ref random, g.InputSize), y = new float[g.OutputSize];
        ConvolutionKernels.MaxPool2DForward(x, y, g);
        Close(Pool2D(x, g, max: true), y, 0, "max");
        ConvolutionKernels.AveragePool2DForward(x, y, g);
        Close(Pool2D(x, g, max: false), y, 1e-6, "average");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Backward_matches_central_differences(string name, Pool2DGeometry g)
    {
        var random = new SeededRandom(name.Length * 7 + g.C);
        // Distinct values at least 1e-3 apart, so that a step of 1e-4 never changes which is the maximum.
        float[] x = Distinct(ref random, g.InputSize);
        float[] dy = Normal(ref random, g.OutputSize), dx = Normal(ref random, g.InputSize); // dx is overwritten
        double[] r = ToDouble(dy);

        ConvolutionKernels.MaxPool2DBackward(x, dy, dx, g);
        Close(Gradient(x, r, xx => Pool2D(xx, g, max: true), 1e-4f), dx, 1e-5, "max dx");
        Array.Fill(dx, float.NaN);
        ConvolutionKernels.AveragePool2DBackward(dy, dx, g);
        Close(Gradient(x, r, xx => Pool2D(xx, g, max: false), 1e-2f), dx, 1e-5, "average dx");
    }

    [Fact]
    public void Max_pooling_propagates_nan_and_sends_its_gradient_to_the_first_nan()
    {
        var g = new Pool2DGeometry(4, 4, 9, 2, 2, 2, 2, 0, 0, 2, 2);
        var random = new SeededRandom(29);
        float[] x = Normal(ref random, g.InputSize), y = new float[g.OutputSize], dy = Normal(ref random, g.OutputSize), dx = new float[g.InputSize];
        // Channel 0 (vector lanes) and channel 8 (scalar rest) of the first window: NaN at its second and fourth positions.
        foreach (int ch in new[] { 0, 8 })
        {
            x[(0 * 4 + 1) * 9 + ch] = float.NaN;
            x[(1 * 4 + 1) * 9 + ch] = float.NaN;
        }
        ConvolutionKernels.MaxPool2DForward(x, y, g);
        ConvolutionKernels.MaxPool2DBackward(x, dy, dx, g);
        Assert.True(float.IsNaN(y[0]) && float.IsNaN(y[8]));
        Assert.Equal(dy[0], dx[(0 * 4 + 1) * 9 + 0]);
        Assert.Equal(dy[8], dx[(0 * 4 + 1) * 9 + 8]);
        Assert.Equal(0f, dx[(1 * 4 + 1) * 9 + 0]);
        double[] expected = Pool2D(x, g, max: true);
        for (int i = 0; i < y.Length; i++)
            if (i != 0 && i != 8) Assert.Equal(expected[i], y[i]);
    }

    [Fact]
    public void Global_average_pooling_matches_the_definition_and_differences()
    {
        const int H = 3, W = 5, C = 11;
        var random = new SeededRandom(17);
        float[] x = Normal(ref random, H * W * C), y = new float[C], dy = Normal(ref random, C), dx = new float[H * W * C];
        // As a pooling window covering the whole image.
        var whole = new Pool2DGeometry(H, W, C, H, W, 1, 1, 0, 0, 1, 1);
        ConvolutionKernels.GlobalAveragePool2DForward(x, y, H, W, C);
        Close(Pool2D(x, whole, max: false), y, 1e-6, "y");
        ConvolutionKernels.GlobalAveragePool2DBackward(dy, dx, H, W, C);
        Close(Gradient(x, ToDouble(dy), xx => Pool2D(xx, whole, max: false), 1e-2f), dx, 1e-5, "dx");
    }

    [Fact]
    public void Pooling_allocates_nothing()
    {
        var g = new Pool2DGeometry(28, 28, 32, 2, 2, 2, 2, 0, 0, 14, 14);
        var random = new SeededRandom(23);
        float[] x = Normal(ref random, g.InputSize), y = new float[g.OutputSize], dx = new float[g.InputSize], gy = new float[32];
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.MaxPool2DForward(x, y, g), calls: 20, warmUp: 50));
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.MaxPool2DBackward(x, y, dx, g), calls: 20, warmUp: 50));
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.AveragePool2DForward(x, y, g), calls: 20, warmUp: 50));
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.AveragePool2DBackward(y, dx, g), calls: 20, warmUp: 50));
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.GlobalAveragePool2DForward(x, gy, 28, 28, 32), calls: 20, warmUp: 50));
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.GlobalAveragePool2DBackward(gy, dx, 28, 28, 32), calls: 20, warmUp: 50));
    }

    [Fact]
    public void Wrong_lengths_and_windows_in_the_padding_are_rejected_by_name()
    {
        var g = new Pool2DGeometry(4, 4, 2, 2, 2, 2, 2, 0, 0, 2, 2);
        float[] x = new float[32], y = new float[8];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ConvolutionKernels.MaxPool2DForward(new float[30], y, g)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => ConvolutionKernels.AveragePool2DForward(x, new float[9], g)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ConvolutionKernels.MaxPool2DBackward(new float[8], y, new float[32], g)).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => ConvolutionKernels.AveragePool2DBackward(y, new float[31], g)).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => ConvolutionKernels.GlobalAveragePool2DBackward(new float[2], new float[31], 4, 4, 2)).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => ConvolutionKernels.GlobalAveragePool2DForward(x, new float[2], 0, 4, 2)).ParamName);
        // A third output row would average a window made only of padding.
        Assert.Contains("OutH", Assert.Throws<ArgumentException>(() => ConvolutionKernels.AveragePool2DForward(x, new float[12], g with { OutH = 3 })).Message);
    }

    private static float[] Distinct(ref SeededRandom random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = i * 1e-3f;
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
        return values;
    }
}
