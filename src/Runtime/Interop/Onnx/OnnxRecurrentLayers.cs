using System;
using System.Collections.Generic;

namespace NeuralDsl.Interop.Onnx;

/// <summary>
/// The ONNX operators of the recurrent layers (<c>RNN</c>, <c>LSTM</c>, <c>GRU</c>) and of the embedding
/// (<c>Gather</c>). Between layers a sequence is channels-first, <c>[batch, features, 1, steps]</c>, as for
/// the 1-D convolutions (see <see cref="OnnxWindowLayers"/>); the recurrent operators read and write
/// time-major values (<c>layout = 0</c>, the only layout ONNX Runtime runs), so each recurrent layer
/// transposes its input to <c>[steps, batch, features]</c> and its output back.
/// </summary>
internal static class OnnxRecurrentLayers
{
    // ONNX's LSTM gates are i, o, f, c; ours (Keras') i, f, c, o: Keras gate g is ONNX gate LstmGate[g].
    // GRU (z, r, h) and SimpleRNN (one gate) keep their order.
    private static readonly int[] LstmGate = { 0, 2, 3, 1 };

    /// <summary>Adds a SimpleRNN, LSTM or GRU layer reading <c>[batch, features, 1, steps]</c>; returns <c>[batch, dirs * units, 1, steps]</c> or, for the last output, <c>[batch, dirs * units]</c>.</summary>
    public static string Recurrent(OnnxGraph graph, string name, LayerInfo layer, string input, ReadOnlySpan<float> parameters)
    {
        int directions = layer.Bidirectional ? 2 : 1, units = layer.RecurrentUnits, features = layer.InputShape.Features;
        int width = layer.Gates * units;
        var w = new float[directions * width * features];
        var r = new float[directions * width * units];
        var b = new float[directions * 2 * width];
        for (int d = 0; d < directions; d++)
            ToOnnx(layer, parameters.Slice(layer.ParameterOffset + d * layer.DirectionParameterCount, layer.DirectionParameterCount),
                w.AsSpan(d * width * features, width * features), r.AsSpan(d * width * units, width * units), b.AsSpan(d * 2 * width, 2 * width));

        // [batch, features, 1, steps] -> [batch, features, steps] -> [steps, batch, features].
        string heightAxis = graph.AddInt64Initializer(name + "height_axis", new long[] { 1 }, new long[] { 2 });
        string squeezed = graph.AddNode("Squeeze", new[] { input, heightAxis }, name + "ncw");
        string x = graph.AddNode("Transpose", new[] { squeezed }, name + "time_major", OnnxAttribute.List("perm", 2, 0, 1));
        string[] inputs =
        {
            x,
            graph.AddInitializer(name + "W", new long[] { directions, width, features }, w),
            graph.AddInitializer(name + "R", new long[] { directions, width, units }, r),
            graph.AddInitializer(name + "B", new long[] { directions, 2 * width }, b),
        };
        var attributes = new List<OnnxAttribute> { OnnxAttribute.Of("hidden_size", (long)units) };
        if (layer.Bidirectional) attributes.Add(OnnxAttribute.Of("direction", "bidirectional"));
        // ONNX's default is 0; Keras' reset_after (our default) is 1: written either way.
        if (layer.Kind == LayerKind.GRU) attributes.Add(OnnxAttribute.Of("linear_before_reset", layer.ResetAfter ? 1L : 0L));
        string op = layer.Kind switch { LayerKind.LSTM => "LSTM", LayerKind.GRU => "GRU", _ => "RNN" };

        if (layer.ReturnSequences)
        {
            // Y [steps, dirs, batch, units] -> [batch, dirs, units, steps] -> [batch, dirs * units, 1, steps]:
            // channel d * units + j, forward then backward, as our concatenation; the backward direction's
            // outputs are already at their input time positions. Reshape's 0 keeps the batch symbolic.
            string y = name + "y";
            graph.AddNode(op, inputs, new[] { y }, attributes.ToArray());
            string ordered = graph.AddNode("Transpose", new[] { y }, name + "batch_major", OnnxAttribute.List("perm", 2, 1, 3, 0));
            string shape = graph.AddInt64Initializer(name + "nchw_shape", new long[] { 4 }, new long[] { 0, directions * units, 1, layer.InputShape.Steps });
            return graph.AddNode("Reshape", new[] { ordered, shape }, name + "nchw");
        }
        // Y_h [dirs, batch, units]: each direction's final state, the backward one's after the first step,
        // which is Keras' last output of a bidirectional layer; -> [batch, dirs, units] -> [batch, dirs * units].
        string last = name + "y_h";
        graph.AddNode(op, inputs, new[] { "", last }, attributes.ToArray());
        string batchMajor = graph.AddNode("Transpose", new[] { last }, name + "batch_major", OnnxAttribute.List("perm", 1, 0, 2));
        return graph.AddNode("Flatten", new[] { batchMajor }, name + "flatten", OnnxAttribute.Of("axis", 1L));
    }

    /// <summary>Adds an embedding reading token ids <c>[batch, steps]</c> (floats); returns <c>[batch, dimensions, 1, steps]</c>.</summary>
    public static string Embedding(OnnxGraph graph, string name, LayerInfo layer, string input, ReadOnlySpan<float> parameters)
    {
        int dimensions = layer.OutputShape.Channels, vocabulary = layer.ParameterCount / dimensions;
        string table = graph.AddInitializer(name + "table", new long[] { vocabulary, dimensions }, parameters.Slice(layer.WeightOffset, layer.ParameterCount));
        string ids = graph.AddNode("Cast", new[] { input }, name + "ids", OnnxAttribute.Of("to", (long)TensorField.DataTypeInt64));
        string rows = graph.AddNode("Gather", new[] { table, ids }, name + "gather", OnnxAttribute.Of("axis", 0L));
        return OnnxWindowLayers.SequenceToChannelsFirst(graph, name, rows);
    }

    /// <summary>
    /// One direction's parameters in our (Keras') layout, kernel <c>[features, gates * units]</c>, recurrent
    /// kernel <c>[units, gates * units]</c> and bias, as ONNX's W <c>[gates * units, features]</c>, R
    /// <c>[gates * units, units]</c> and B <c>[2 * gates * units]</c> (input biases, then recurrent): each
    /// gate's block transposed, LSTM's gates reordered. Keras' one bias is the input bias (the recurrent
    /// one 0: only their sum matters); a reset-after GRU's second row is the recurrent bias, which the
    /// reset gate multiplies.
    /// </summary>
    private static void ToOnnx(LayerInfo layer, ReadOnlySpan<float> direction, Span<float> w, Span<float> r, Span<float> b)
    {
        int gates = layer.Gates, units = layer.RecurrentUnits, features = layer.InputShape.Features, width = gates * units;
        ReadOnlySpan<float> kernel = direction.Slice(0, features * width);
        ReadOnlySpan<float> recurrent = direction.Slice(features * width, units * width);
        ReadOnlySpan<float> bias = direction.Slice((features + units) * width);
        bool twoBiasRows = layer.Kind == LayerKind.GRU && layer.ResetAfter;
        for (int g = 0; g < gates; g++)
        {
            int onnxGate = layer.Kind == LayerKind.LSTM ? LstmGate[g] : g;
            for (int j = 0; j < units; j++)
            {
                int row = onnxGate * units + j, column = g * units + j;
                for (int i = 0; i < features; i++) w[row * features + i] = kernel[i * width + column];
                for (int k = 0; k < units; k++) r[row * units + k] = recurrent[k * width + column];
                b[row] = bias[column];
                b[width + row] = twoBiasRows ? bias[width + column] : 0f;
            }
        }
    }
}
