using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;
using NeuralDsl.Tests.Reference;

namespace NeuralDsl.Tests.Convolution;

/// <summary>One case of conv.json: a kernel call's geometry and arguments, channels-last, and PyTorch's results.</summary>
public sealed class ConvolutionCase
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required int[] Geometry { get; init; }
    public required float[] X { get; init; }
    public float[] Kernel { get; init; } = [];
    public float[] Bias { get; init; } = [];
    public required float[] Upstream { get; init; }
    public required double[] Output { get; init; }
    public required double[] Dx { get; init; }
    public double[] DKernel { get; init; } = [];
    public double[] DBias { get; init; } = [];

    public override string ToString() => Name;
}

/// <summary>conv.json, written by tests/reference/make_conv_reference.py.</summary>
public sealed class ConvolutionReference
{
    public required string TorchVersion { get; init; }
    public required ConvolutionCase[] Cases { get; init; }

    public static ConvolutionReference Instance { get; } = JsonSerializer.Deserialize<ConvolutionReference>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "conv.json")),
        new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
}

/// <summary>
/// The kernels against PyTorch's Conv2d, Conv1d, MaxPool2d/1d and AvgPool2d/1d (count_include_pad=False),
/// with Keras' asymmetric "same" padding made explicit: outputs, and the gradients of
/// sum(upstream * output) with respect to the input, kernel and bias, within the tolerance of the
/// dense layers' PyTorch parity (<see cref="ParityComparison"/>).
/// </summary>
public class ConvolutionReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(ConvolutionReference.Instance.Cases.Select(c => c.Name));

    [Fact]
    public void Reference_covers_every_kernel()
    {
        string[] kinds = ConvolutionReference.Instance.Cases.Select(c => c.Kind).Distinct().Order().ToArray();
        Assert.Equal(["AvgPool", "Conv1d", "Conv2d", "MaxPool"], kinds);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Kernels_match_pytorch(string name)
    {
        ConvolutionCase c = ConvolutionReference.Instance.Cases.Single(k => k.Name == name);
        int[] n = c.Geometry;
        var mismatches = new List<string>();
        double worst = 0;
        if (c.Kind is "Conv2d" or "Conv1d")
        {
            var g = new Conv2DGeometry(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11]);
            float[] z = new float[g.OutputSize], dk = new float[g.KernelSize], db = new float[c.Bias.Length], dx = new float[g.InputSize];
            ConvolutionKernels.Conv2DForward(c.X, c.Kernel, c.Bias, z, g);
            ConvolutionKernels.Conv2DBackward(c.X, c.Kernel, c.Upstream, dk, db, dx, g);
            worst = Math.Max(worst, Compare("output", z, c.Output, mismatches));
            worst = Math.Max(worst, Compare("dKernel", dk, c.DKernel, mismatches));
            worst = Math.Max(worst, Compare("dBias", db, c.DBias, mismatches));
            worst = Math.Max(worst, Compare("dx", dx, c.Dx, mismatches));
        }
        else
        {
            var g = new Pool2DGeometry(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10]);
            float[] y = new float[g.OutputSize], dx = new float[g.InputSize];
            if (c.Kind == "MaxPool")
            {
                ConvolutionKernels.MaxPool2DForward(c.X, y, g);
                ConvolutionKernels.MaxPool2DBackward(c.X, c.Upstream, dx, g);
            }
            else
            {
                ConvolutionKernels.AveragePool2DForward(c.X, y, g);
                ConvolutionKernels.AveragePool2DBackward(c.Upstream, dx, g);
            }
            worst = Math.Max(worst, Compare("output", y, c.Output, mismatches));
            worst = Math.Max(worst, Compare("dx", dx, c.Dx, mismatches));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst error {worst:E2} (tolerance {ParityComparison.Tolerance:E0})"));
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    // Returns the worst error of the quantity.
    private static double Compare(string quantity, float[] actual, double[] expected, List<string> mismatches)
    {
        if (actual.Length != expected.Length)
        {
            mismatches.Add($"{quantity}: {actual.Length} values but PyTorch has {expected.Length}");
            return double.PositiveInfinity;
        }
        double worst = 0;
        double scale = expected.Length == 0 ? 0 : expected.Max(Math.Abs);
        for (int i = 0; i < actual.Length; i++)
        {
            double error = actual[i] == expected[i] ? 0 : ParityComparison.Error(actual[i], expected[i], scale);
            worst = double.IsNaN(error) ? double.PositiveInfinity : Math.Max(worst, error);
            if (!(error <= ParityComparison.Tolerance))
                mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{quantity}[{i}]: {actual[i]:R} but PyTorch {expected[i]:R} (error {error:E2})"));
        }
        return worst;
    }
}
