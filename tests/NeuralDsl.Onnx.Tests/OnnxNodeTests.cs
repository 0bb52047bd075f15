using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;
using Proto = global::Onnx;

namespace NeuralDsl.Onnx.Tests;

/// <summary>
/// The convolution and pooling kernels against ONNX's own backend node tests (NodeTests/, copied from
/// Debian's libonnx-testdata): the geometry comes from the node's attributes, the expected output from
/// ONNX's reference implementation.
/// </summary>
public sealed class OnnxNodeTests(ITestOutputHelper output)
{
    // The folder also holds the recurrent cases (RecurrentNodeTests): these are the convolution and pooling ones.
    public static TheoryData<string> Cases => new(Directory.GetDirectories(NodeTestsFolder()).Select(Path.GetFileName)
        .Where(name => name!.Contains("conv", StringComparison.Ordinal) || name.Contains("pool", StringComparison.Ordinal)).Order()!);

    [Fact]
    public void Every_copied_case_is_run()
    {
        // The 28 cases listed in NodeTests/README.md's selection: a folder that goes missing fails here.
        Assert.Equal(28, Cases.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernel_matches_the_onnx_reference_output(string name)
    {
        string folder = Path.Combine(NodeTestsFolder(), name);
        Proto.NodeProto node = Assert.Single(Proto.ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(folder, "model.onnx"))).Graph.Node);
        Tensor x = Tensor.Read(Path.Combine(folder, "test_data_set_0", "input_0.pb"));
        Tensor expected = Tensor.Read(Path.Combine(folder, "test_data_set_0", "output_0.pb"));
        Assert.Equal(1, x.Dims[0]); // one sample: the kernels take one per call
        Assert.All(Ints(node, "dilations"), d => Assert.Equal(1L, d));

        // [1, C, H, W] or [1, C, W] (1-D: H = 1)
        int c = x.Dims[1], inH = x.Dims.Length == 4 ? x.Dims[2] : 1, inW = x.Dims[^1];
        float[] input = ToChannelsLast(x.Values, c, inH * inW);
        int outC = expected.Dims[1], outH = expected.Dims.Length == 4 ? expected.Dims[2] : 1, outW = expected.Dims[^1];
        float[] actual = new float[outH * outW * outC];

        switch (node.OpType)
        {
            case "Conv":
            {
                Tensor w = Tensor.Read(Path.Combine(folder, "test_data_set_0", "input_1.pb")); // [OutC, InC, KH, KW]
                Assert.Equal(2, node.Input.Count); // no bias in these cases
                Axis h = Axis.Of(node, 0, inH, w.Dims[2]), wAxis = Axis.Of(node, 1, inW, w.Dims[3]);
                var g = new Conv2DGeometry(inH, inW, c, h.Window, wAxis.Window, w.Dims[0], h.Stride, wAxis.Stride, h.PadBefore, wAxis.PadBefore, h.Out, wAxis.Out);
                ConvolutionKernels.Conv2DForward(input, KerasKernel(w), [], actual, g);
                break;
            }
            case "MaxPool" or "AveragePool":
            {
                Assert.Equal(0, Int(node, "count_include_pad", 0));
                bool oneD = x.Dims.Length == 3;
                Axis h = oneD ? Axis.Unit : Axis.Of(node, 0, inH, 0), wAxis = Axis.Of(node, oneD ? 0 : 1, inW, 0);
                var g = new Pool2DGeometry(inH, inW, c, h.Window, wAxis.Window, h.Stride, wAxis.Stride, h.PadBefore, wAxis.PadBefore, h.Out, wAxis.Out);
                if (node.OpType == "MaxPool") ConvolutionKernels.MaxPool2DForward(input, actual, g);
                else ConvolutionKernels.AveragePool2DForward(input, actual, g);
                break;
            }
            case "GlobalAveragePool":
                ConvolutionKernels.GlobalAveragePool2DForward(input, actual, inH, inW, c);
                break;
            default:
                throw new InvalidOperationException($"{name}: no kernel for {node.OpType}.");
        }

        float[] reference = ToChannelsLast(expected.Values, outC, outH * outW);
        double worst = 0; // the largest error as a fraction of its bound
        for (int i = 0; i < reference.Length; i++)
        {
            double error = Math.Abs(actual[i] - reference[i]), bound = 1e-6 + 1e-5 * Math.Abs(reference[i]);
            worst = Math.Max(worst, error / bound);
            Assert.True(error <= bound, $"{name} [{i}]: {actual[i]} vs ONNX {reference[i]}");
        }
        output.WriteLine(FormattableString.Invariant($"{name}: worst error {worst:P1} of the bound 1e-6 + 1e-5 |expected|"));
    }

    // The node's geometry along one spatial axis by ONNX's rules: explicit pads (begin, end) with
    // floor, or ceil when ceil_mode = 1; auto_pad SAME_UPPER / SAME_LOWER: Out = ceil(In / S) and the
    // total padding split with the odd one after (UPPER, Keras' rule) or before (LOWER).
    private readonly record struct Axis(int Window, int Stride, int PadBefore, int Out)
    {
        public static readonly Axis Unit = new(1, 1, 0, 1);

        public static Axis Of(Proto.NodeProto node, int axis, int input, int window)
        {
            long[] kernelShape = Ints(node, "kernel_shape");
            int k = kernelShape.Length > 0 ? (int)kernelShape[axis] : window;
            long[] strides = Ints(node, "strides"), pads = Ints(node, "pads");
            int spatial = kernelShape.Length > 0 ? kernelShape.Length : 2;
            int s = strides.Length > 0 ? (int)strides[axis] : 1;
            string autoPad = Attribute(node, "auto_pad")?.S.ToStringUtf8() ?? "NOTSET";
            if (autoPad is "SAME_UPPER" or "SAME_LOWER")
            {
                int outSame = (input + s - 1) / s, total = Math.Max((outSame - 1) * s + k - input, 0);
                return new Axis(k, s, autoPad == "SAME_UPPER" ? total / 2 : total - total / 2, outSame);
            }
            Assert.Equal("NOTSET", autoPad);
            int before = pads.Length > 0 ? (int)pads[axis] : 0, after = pads.Length > 0 ? (int)pads[axis + spatial] : 0;
            int span = input + before + after - k;
            int o = (Int(node, "ceil_mode", 0) == 1 ? (span + s - 1) / s : span / s) + 1;
            return new Axis(k, s, before, o);
        }
    }

    private static Proto.AttributeProto? Attribute(Proto.NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name);

    private static long[] Ints(Proto.NodeProto node, string name) => Attribute(node, name)?.Ints.ToArray() ?? [];

    private static long Int(Proto.NodeProto node, string name, long fallback) => Attribute(node, name)?.I ?? fallback;

    // [C, positions] -> [positions, C]
    private static float[] ToChannelsLast(float[] values, int channels, int positions)
    {
        var result = new float[values.Length];
        for (int ch = 0; ch < channels; ch++)
        for (int p = 0; p < positions; p++)
            result[p * channels + ch] = values[ch * positions + p];
        return result;
    }

    // ONNX [OutC, InC, KH, KW] -> Keras [KH, KW, InC, OutC]
    private static float[] KerasKernel(Tensor w)
    {
        int outC = w.Dims[0], inC = w.Dims[1], kh = w.Dims[2], kw = w.Dims[3];
        var result = new float[w.Values.Length];
        for (int o = 0; o < outC; o++)
        for (int i = 0; i < inC; i++)
        for (int y = 0; y < kh; y++)
        for (int xx = 0; xx < kw; xx++)
            result[((y * kw + xx) * inC + i) * outC + o] = w.Values[((o * inC + i) * kh + y) * kw + xx];
        return result;
    }

    private sealed record Tensor(int[] Dims, float[] Values)
    {
        public static Tensor Read(string path)
        {
            Proto.TensorProto t = Proto.TensorProto.Parser.ParseFrom(File.ReadAllBytes(path));
            Assert.Equal((int)Proto.TensorProto.Types.DataType.Float, t.DataType);
            int[] dims = t.Dims.Select(d => (int)d).ToArray();
            float[] values = t.RawData.Length > 0
                ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() // little-endian, as this machine
                : t.FloatData.ToArray();
            Assert.Equal(dims.Aggregate(1, (a, b) => a * b), values.Length);
            return new Tensor(dims, values);
        }
    }

    private static string NodeTestsFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "NodeTests");
}
