using System;
using BenchmarkDotNet.Attributes;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The convolution kernels on the Fashion-MNIST network's shapes, one image per call: 28 x 28 x 1,
/// Conv2D(32, 3 x 3, "same"), MaxPool2D(2), Conv2D(64, 3 x 3, "same"), MaxPool2D(2) to 7 x 7 x 64.
/// Forward: the four layers. Backward: the four layers' backward passes, the first convolution without
/// dx (it is the first layer). Each against im2col into the Dense layer's blocked products
/// (<see cref="Im2ColConvolution"/>), with the same pooling kernels; and the second convolution alone,
/// where nine tenths of the work is. Min and median columns: on a shared machine the least time is
/// the one least disturbed by other processes.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[Config(typeof(WorkloadConfig))]
public class ConvolutionBenchmarks
{
    private static readonly Conv2DGeometry Conv1 = new(28, 28, 1, 3, 3, 32, 1, 1, 1, 1, 28, 28);
    private static readonly Pool2DGeometry Pool1 = new(28, 28, 32, 2, 2, 2, 2, 0, 0, 14, 14);
    private static readonly Conv2DGeometry Conv2 = new(14, 14, 32, 3, 3, 64, 1, 1, 1, 1, 14, 14);
    private static readonly Pool2DGeometry Pool2 = new(14, 14, 64, 2, 2, 2, 2, 0, 0, 7, 7);

    private readonly float[] _image = Fill(Conv1.InputSize, 1, 0f);
    private readonly float[] _k1 = Fill(Conv1.KernelSize, 2, -0.5f), _b1 = Fill(32, 3, -0.5f);
    private readonly float[] _k2 = Fill(Conv2.KernelSize, 4, -0.5f), _b2 = Fill(64, 5, -0.5f);
    private readonly float[] _z1 = new float[Conv1.OutputSize], _p1 = new float[Pool1.OutputSize];
    private readonly float[] _z2 = new float[Conv2.OutputSize], _p2 = new float[Pool2.OutputSize];
    private readonly float[] _dp2 = Fill(Pool2.OutputSize, 6, -0.5f), _dz2 = new float[Conv2.OutputSize], _dp1 = new float[Pool1.OutputSize];
    private readonly float[] _dz1 = new float[Conv1.OutputSize];
    private readonly float[] _dk1 = new float[Conv1.KernelSize], _db1 = new float[32], _dk2 = new float[Conv2.KernelSize], _db2 = new float[64];
    private readonly float[] _columns = new float[Math.Max(Im2ColConvolution.ColumnsSize(Conv1), Im2ColConvolution.ColumnsSize(Conv2))];

    // Values of the synthetic stream (SyntheticData's hash), shifted: pixels in [0, 1), weights and gradients in [-0.5, 0.5).
    private static float[] Fill(int count, uint seed, float shift)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = SyntheticData.Unit((uint)i, seed) + shift;
        return values;
    }

    [GlobalSetup]
    public void Setup()
    {
        Forward();
        // The second convolution's input is a ReLU output in training, about half zeros (the Dense
        // blocked gradient product that im2col uses skips inputs that are zero in four rows at once).
        for (int i = 0; i < _p1.Length; i++) _p1[i] = Math.Max(0f, _p1[i]);
    }

    [Benchmark(Description = "Fashion CNN forward, direct (channels-last)")]
    public float Forward()
    {
        ConvolutionKernels.Conv2DForward(_image, _k1, _b1, _z1, Conv1);
        ConvolutionKernels.MaxPool2DForward(_z1, _p1, Pool1);
        ConvolutionKernels.Conv2DForward(_p1, _k2, _b2, _z2, Conv2);
        ConvolutionKernels.MaxPool2DForward(_z2, _p2, Pool2);
        return _p2[0];
    }

    [Benchmark(Description = "Fashion CNN forward, im2col + blocked product")]
    public float ForwardIm2Col()
    {
        Im2ColConvolution.Forward(_image, _k1, _b1, _z1, _columns, Conv1);
        ConvolutionKernels.MaxPool2DForward(_z1, _p1, Pool1);
        Im2ColConvolution.Forward(_p1, _k2, _b2, _z2, _columns, Conv2);
        ConvolutionKernels.MaxPool2DForward(_z2, _p2, Pool2);
        return _p2[0];
    }

    [Benchmark(Description = "Fashion CNN backward, direct (channels-last)")]
    public float Backward()
    {
        ConvolutionKernels.MaxPool2DBackward(_z2, _dp2, _dz2, Pool2);
        ConvolutionKernels.Conv2DBackward(_p1, _k2, _dz2, _dk2, _db2, _dp1, Conv2);
        ConvolutionKernels.MaxPool2DBackward(_z1, _dp1, _dz1, Pool1);
        ConvolutionKernels.Conv2DBackward(_image, _k1, _dz1, _dk1, _db1, [], Conv1);
        return _dk1[0];
    }

    [Benchmark(Description = "Fashion CNN backward, im2col + blocked product")]
    public float BackwardIm2Col()
    {
        ConvolutionKernels.MaxPool2DBackward(_z2, _dp2, _dz2, Pool2);
        Im2ColConvolution.Backward(_p1, _k2, _dz2, _dk2, _db2, _dp1, _columns, Conv2);
        ConvolutionKernels.MaxPool2DBackward(_z1, _dp1, _dz1, Pool1);
        Im2ColConvolution.Backward(_image, _k1, _dz1, _dk1, _db1, [], _columns, Conv1);
        return _dk1[0];
    }

    [Benchmark(Description = "Conv 14x14x32 -> 64 forward, direct")]
    public float Conv2Forward()
    {
        ConvolutionKernels.Conv2DForward(_p1, _k2, _b2, _z2, Conv2);
        return _z2[0];
    }

    [Benchmark(Description = "Conv 14x14x32 -> 64 forward, im2col")]
    public float Conv2ForwardIm2Col()
    {
        Im2ColConvolution.Forward(_p1, _k2, _b2, _z2, _columns, Conv2);
        return _z2[0];
    }

    [Benchmark(Description = "Conv 14x14x32 -> 64 backward, direct")]
    public float Conv2Backward()
    {
        ConvolutionKernels.Conv2DBackward(_p1, _k2, _dz2, _dk2, _db2, _dp1, Conv2);
        return _dk2[0];
    }

    [Benchmark(Description = "Conv 14x14x32 -> 64 backward, im2col")]
    public float Conv2BackwardIm2Col()
    {
        Im2ColConvolution.Backward(_p1, _k2, _dz2, _dk2, _db2, _dp1, _columns, Conv2);
        return _dk2[0];
    }
}
