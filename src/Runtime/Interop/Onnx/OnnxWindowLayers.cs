using System;

namespace NeuralDsl.Interop.Onnx;

/// <summary>
/// The ONNX operators of the image and sequence layers. Our samples are channels-last (an image
/// <c>[H, W, C]</c>, a sequence <c>[steps, features]</c>, which is the image <c>[1, steps, features]</c>);
/// ONNX's Conv and pooling operators are channels-first. Between the first shaped layer's input and
/// the last shaped layer's output, values are therefore <c>[batch, C, H, W]</c>, with <c>H = 1</c> for a
/// sequence, so 1-D layers are the 2-D operators with a window of height 1.
/// </summary>
internal static class OnnxWindowLayers
{
    /// <summary>Turns the graph input <c>[batch, H, W, C]</c> or <c>[batch, steps, features]</c> into <c>[batch, C, H, W]</c>.</summary>
    public static string ToChannelsFirst(OnnxGraph graph, TensorShape shape, string input)
    {
        string name = OnnxLayers.Prefix + "input.";
        if (shape.Rank == 3)
            return graph.AddNode("Transpose", new[] { input }, name + "nchw", OnnxAttribute.List("perm", 0, 3, 1, 2));
        return SequenceToChannelsFirst(graph, name, input);
    }

    /// <summary>Turns a sequence <c>[batch, steps, features]</c> into the image <c>[batch, features, 1, steps]</c>.</summary>
    public static string SequenceToChannelsFirst(OnnxGraph graph, string name, string input)
    {
        // [batch, steps, features] -> [batch, features, steps] -> [batch, features, 1, steps].
        string transposed = graph.AddNode("Transpose", new[] { input }, name + "ncw", OnnxAttribute.List("perm", 0, 2, 1));
        string axes = graph.AddInt64Initializer(name + "height_axis", new long[] { 1 }, new long[] { 2 });
        return graph.AddNode("Unsqueeze", new[] { transposed, axes }, name + "nchw");
    }

    /// <summary>Turns <c>[batch, C, H, W]</c> back into our channels-last order and flattens it to <c>[batch, H * W * C]</c>.</summary>
    public static string ToChannelsLastVector(OnnxGraph graph, string name, string input)
    {
        string nhwc = graph.AddNode("Transpose", new[] { input }, name + "nhwc", OnnxAttribute.List("perm", 0, 2, 3, 1));
        return graph.AddNode("Flatten", new[] { nhwc }, name + "flatten", OnnxAttribute.Of("axis", 1L));
    }

    // Keras' kernel [KH, KW, InC, OutC] becomes ONNX's [OutC, InC, KH, KW].
    public static string Convolution(OnnxGraph graph, string name, LayerInfo layer, string input, ReadOnlySpan<float> parameters)
    {
        int kh = KernelHeight(layer), kw = layer.KernelSize;
        int inC = layer.InputShape.Channels, outC = layer.OutputShape.Channels;
        ReadOnlySpan<float> keras = parameters.Slice(layer.WeightOffset, kh * kw * inC * outC);
        var onnx = new float[keras.Length];
        for (int y = 0; y < kh; y++)
            for (int x = 0; x < kw; x++)
                for (int i = 0; i < inC; i++)
                    for (int o = 0; o < outC; o++)
                        onnx[((o * inC + i) * kh + y) * kw + x] = keras[((y * kw + x) * inC + i) * outC + o];
        string kernel = graph.AddInitializer(name + "kernel", new long[] { outC, inC, kh, kw }, onnx);
        string[] inputs = layer.UseBias
            ? new[] { input, kernel, graph.AddInitializer(name + "bias", new long[] { outC }, parameters.Slice(layer.BiasOffset, outC)) }
            : new[] { input, kernel };
        return graph.AddNode("Conv", inputs, name + "conv",
            OnnxAttribute.List("kernel_shape", kh, kw), OnnxAttribute.List("strides", StrideHeight(layer), layer.Strides), Pads(layer));
    }

    // Padded positions never win a max pool in ONNX, and count_include_pad = 0 averages over the input
    // positions only: both as our kernels and Keras' "same".
    public static string Pool(OnnxGraph graph, string name, LayerInfo layer, string input)
    {
        var kernel = OnnxAttribute.List("kernel_shape", KernelHeight(layer), layer.KernelSize);
        var strides = OnnxAttribute.List("strides", StrideHeight(layer), layer.Strides);
        return layer.Kind is LayerKind.MaxPool2D or LayerKind.MaxPool1D
            ? graph.AddNode("MaxPool", new[] { input }, name + "maxpool", kernel, strides, Pads(layer))
            : graph.AddNode("AveragePool", new[] { input }, name + "averagepool", kernel, strides, Pads(layer), OnnxAttribute.Of("count_include_pad", 0L));
    }

    /// <summary>The channel means, <c>[batch, C]</c>.</summary>
    public static string GlobalAveragePool(OnnxGraph graph, string name, string input)
    {
        string pooled = graph.AddNode("GlobalAveragePool", new[] { input }, name + "globalaveragepool");
        return graph.AddNode("Flatten", new[] { pooled }, name + "flatten", OnnxAttribute.Of("axis", 1L));
    }

    /// <summary>PReLU's per-value slopes, stored in our <c>[H, W, C]</c> order, as ONNX's <c>[C, H, W]</c> (broadcast over the batch).</summary>
    public static float[] ChannelsFirstSlopes(TensorShape shape, ReadOnlySpan<float> slopes)
    {
        int h = shape.Height, w = shape.Width, c = shape.Channels;
        var result = new float[slopes.Length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int k = 0; k < c; k++)
                    result[(k * h + y) * w + x] = slopes[(y * w + x) * c + k];
        return result;
    }

    /// <summary>The window's height: the kernel's for 2-D layers, 1 for 1-D ones.</summary>
    public static int KernelHeight(LayerInfo layer) => IsTwoDimensional(layer) ? layer.KernelSize : 1;

    /// <summary>The vertical stride: the layer's for 2-D layers, 1 for 1-D ones.</summary>
    public static int StrideHeight(LayerInfo layer) => IsTwoDimensional(layer) ? layer.Strides : 1;

    /// <summary>
    /// Zeros (or ignored positions) before and after one axis: none for <c>valid</c>; for <c>same</c>
    /// the total the output size needs, half of it rounded down before, the rest after (TensorFlow's
    /// rule, as the generator lays out the kernels' padding).
    /// </summary>
    public static (int Before, int After) AxisPadding(Padding padding, int input, int kernel, int stride, int output)
    {
        if (padding != Padding.Same) return (0, 0);
        int total = Math.Max((output - 1) * stride + kernel - input, 0);
        return (total / 2, total - total / 2);
    }

    private static bool IsTwoDimensional(LayerInfo layer) =>
        layer.Kind is LayerKind.Conv2D or LayerKind.MaxPool2D or LayerKind.AveragePool2D;

    // ONNX's pads are [top, left, bottom, right]: all the begins, then all the ends.
    private static OnnxAttribute Pads(LayerInfo layer)
    {
        (int top, int bottom) = AxisPadding(layer.Padding, layer.InputShape.Height, KernelHeight(layer), StrideHeight(layer), layer.OutputShape.Height);
        (int left, int right) = AxisPadding(layer.Padding, layer.InputShape.Width, layer.KernelSize, layer.Strides, layer.OutputShape.Width);
        return OnnxAttribute.List("pads", top, left, bottom, right);
    }
}
