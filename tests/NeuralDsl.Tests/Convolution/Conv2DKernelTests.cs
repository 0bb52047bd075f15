using System;
using static NeuralDsl.Tests.Convolution.ConvolutionDefinition;

namespace NeuralDsl.Tests.Convolution;

/// <summary>
/// Conv2DForward against the definition, and Conv2DBackward against central differences of the
/// definition's weighted sum <c>sum(r * z)</c>, whose gradient with respect to z is r.
/// </summary>
public class Conv2DKernelTests
{
    public static TheoryData<string, Conv2DGeometry, bool> Geometries => new()
    {
        // name, geometry (InH, InW, InC, KH, KW, OutC, StrideH, StrideW, PadTop, PadLeft, OutH, OutW), bias
        { "same 3x3", new Conv2DGeometry(5, 5, 2, 3, 3, 3, 1, 1, 1, 1, 5, 5), true },
        // Keras "same", In 6, K 3, S 2: Out 3, one pad in total, 0 before and 1 after.
        { "same stride 2, asymmetric", new Conv2DGeometry(6, 6, 3, 3, 3, 4, 2, 2, 0, 0, 3, 3), true },
        { "valid, strides 2 and 1, 3x2 kernel", new Conv2DGeometry(7, 5, 2, 3, 2, 3, 2, 1, 0, 0, 3, 4), false },
        // 1-D: H = 1, steps 10, kernel 3, stride 2, "same": Out 5, 0 before, 1 after.
        { "1-D same stride 2", new Conv2DGeometry(1, 10, 3, 1, 3, 4, 1, 2, 0, 0, 1, 5), true },
        { "1-D valid, K 1", new Conv2DGeometry(1, 6, 4, 1, 1, 5, 1, 1, 0, 0, 1, 6), true },
        // 43 channels: a 32-channel block, an 8-channel block and a scalar tail; 5 x 5 kernel, pad 2.
        { "wide, 5x5 same", new Conv2DGeometry(6, 5, 5, 5, 5, 43, 1, 1, 2, 2, 6, 5), true },
        { "kernel larger than stride, pad 1 before, 2 after", new Conv2DGeometry(5, 4, 2, 4, 4, 9, 2, 2, 1, 1, 3, 2), false },
        // Wide enough rows for the four-pixel tiles (forward, and dx with stride 1 and 2); 9 input
        // channels (blocks of 8 and 4 and a rest), 20 output channels (a vector block and a rest).
        { "four-pixel tiles, stride 1", new Conv2DGeometry(6, 12, 9, 3, 3, 20, 1, 1, 1, 1, 6, 12), true },
        { "four-pixel tiles, stride 2 same", new Conv2DGeometry(5, 20, 4, 3, 3, 16, 2, 2, 1, 0, 3, 10), true },
        { "1-D four-pixel tiles, 70 channels", new Conv2DGeometry(1, 11, 3, 1, 2, 70, 1, 1, 0, 0, 1, 10), true },
    };

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Forward_matches_the_definition(string name, Conv2DGeometry g, bool withBias)
    {
        var random = new SeededRandom(name.Length * 97 + g.OutC);
        float[] x = Normal(ref random, g.InputSize), k = Normal(ref random, g.KernelSize), b = withBias ? Normal(ref random, g.OutC) : [];
        float[] z = new float[g.OutputSize];
        ConvolutionKernels.Conv2DForward(x, k, b, z, g);
        Close(Conv2D(x, k, b, g), z, 1e-5, "z");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Backward_matches_central_differences(string name, Conv2DGeometry g, bool withBias)
    {
        var random = new SeededRandom(name.Length * 131 + g.InC);
        float[] x = Normal(ref random, g.InputSize), k = Normal(ref random, g.KernelSize), b = withBias ? Normal(ref random, g.OutC) : [];
        float[] dz = Normal(ref random, g.OutputSize);
        for (int i = 0; i < x.Length; i += 4) x[i] = 0f; // the zeros a ReLU leaves
        double[] r = ToDouble(dz);

        // The gradients are added to what is there: start from values that must be kept.
        float[] dk = Normal(ref random, g.KernelSize), db = withBias ? Normal(ref random, g.OutC) : [];
        float[] dk0 = (float[])dk.Clone(), db0 = (float[])db.Clone();
        float[] dx = Normal(ref random, g.InputSize); // overwritten
        ConvolutionKernels.Conv2DBackward(x, k, dz, dk, db, dx, g);

        const float Step = 1e-2f; // the loss is linear in each argument: the difference is exact up to rounding
        Close(Gradient(k, r, kk => Conv2D(x, kk, b, g), Step), Subtract(dk, dk0), 1e-5, "dKernel");
        if (withBias) Close(Gradient(b, r, bb => Conv2D(x, k, bb, g), Step), Subtract(db, db0), 1e-5, "dBias");
        Close(Gradient(x, r, xx => Conv2D(xx, k, b, g), Step), dx, 1e-5, "dx");
    }

    [Fact]
    public void Backward_without_dx_leaves_dx_empty_and_computes_the_rest()
    {
        var g = new Conv2DGeometry(6, 6, 1, 3, 3, 8, 2, 2, 0, 0, 3, 3);
        var random = new SeededRandom(3);
        float[] x = Normal(ref random, g.InputSize), k = Normal(ref random, g.KernelSize), dz = Normal(ref random, g.OutputSize);
        float[] withDx = new float[g.KernelSize], without = new float[g.KernelSize], db = new float[8], db2 = new float[8];
        ConvolutionKernels.Conv2DBackward(x, k, dz, withDx, db, new float[g.InputSize], g);
        ConvolutionKernels.Conv2DBackward(x, k, dz, without, db2, [], g);
        Assert.Equal(withDx, without);
        Assert.Equal(db, db2);
    }

    [Fact]
    public void Forward_and_backward_allocate_nothing()
    {
        // The Fashion-MNIST network's second convolution: 14 x 14 x 32, 3 x 3 x 64, "same".
        var g = new Conv2DGeometry(14, 14, 32, 3, 3, 64, 1, 1, 1, 1, 14, 14);
        var random = new SeededRandom(5);
        float[] x = Normal(ref random, g.InputSize), k = Normal(ref random, g.KernelSize), b = Normal(ref random, 64);
        float[] z = new float[g.OutputSize], dk = new float[g.KernelSize], db = new float[64], dx = new float[g.InputSize];
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.Conv2DForward(x, k, b, z, g), calls: 20, warmUp: 50));
        Assert.Equal(0, Allocations.PerRound(() => ConvolutionKernels.Conv2DBackward(x, k, z, dk, db, dx, g), calls: 20, warmUp: 50));
    }

    [Fact]
    public void Wrong_lengths_and_inconsistent_geometries_are_rejected_by_name()
    {
        var g = new Conv2DGeometry(4, 4, 2, 3, 3, 3, 1, 1, 1, 1, 4, 4);
        float[] x = new float[32], k = new float[54], b = new float[3], z = new float[48];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(new float[31], k, b, z, g)).ParamName);
        Assert.Equal("kernel", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(x, new float[53], b, z, g)).ParamName);
        Assert.Equal("bias", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(x, k, new float[4], z, g)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(x, k, b, new float[47], g));
        Assert.Equal("z", e.ParamName);
        Assert.Contains("48 (OutH x OutW x OutC)", e.Message);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(z.AsSpan(0, 32), k, b, z, g)).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DBackward(x, k, z, new float[54], b, new float[33], g)).ParamName);

        // Padding as large as the kernel, and an output whose last window starts past the input.
        Assert.Contains("PadTop", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(x, k, b, new float[60], g with { PadTop = 3, OutH = 5 })).Message);
        Assert.Contains("OutW", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(x, k, b, new float[60], g with { OutW = 6 })).Message);
        Assert.Equal("g", Assert.Throws<ArgumentException>(() => ConvolutionKernels.Conv2DForward(x, k, b, z, g with { StrideW = 0 })).ParamName);
    }

    private static float[] Subtract(float[] a, float[] b)
    {
        var d = new float[a.Length];
        for (int i = 0; i < a.Length; i++) d[i] = a[i] - b[i];
        return d;
    }
}
