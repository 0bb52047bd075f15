using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using Proto = global::Onnx;

namespace NeuralDsl.Onnx.Tests.NodeTests;

/// <summary>
/// One ONNX backend node test case (a folder with <c>model.onnx</c>, a single-node graph, and
/// <c>test_data_set_0/input_k.pb</c>, <c>output_k.pb</c>: serialized TensorProtos in the order of the
/// graph's inputs and outputs), read with OnnxSharp's parser of onnx.proto.
/// </summary>
internal sealed class RecurrentNodeData
{
    private RecurrentNodeData(Proto.NodeProto node, float[]?[] inputs, (string Name, Proto.TensorProto Tensor)[] outputs)
    {
        Node = node;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The graph's one node.</summary>
    public Proto.NodeProto Node { get; }

    /// <summary>The node's inputs by position (X, W, R, B, ...); null where the node leaves an optional input out.</summary>
    public float[]?[] Inputs { get; }

    /// <summary>The expected outputs, named as the node's outputs are.</summary>
    public (string Name, Proto.TensorProto Tensor)[] Outputs { get; }

    public static RecurrentNodeData Load(string folder)
    {
        Proto.ModelProto model = Proto.ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(folder, "model.onnx")));
        Proto.GraphProto graph = model.Graph;
        Proto.NodeProto node = Assert.Single(graph.Node);
        string data = Path.Combine(folder, "test_data_set_0");
        var byName = graph.Input.Select((input, k) => (input.Name, Values: Floats(Tensor(Path.Combine(data, $"input_{k}.pb"))))).ToDictionary(p => p.Name, p => p.Values);
        float[]?[] inputs = node.Input.Select(name => name.Length == 0 ? null : byName[name]).ToArray();
        var outputs = graph.Output.Select((output, k) => (output.Name, Tensor(Path.Combine(data, $"output_{k}.pb")))).ToArray();
        return new RecurrentNodeData(node, inputs, outputs);
    }

    /// <summary>An integer attribute of the node, or <paramref name="fallback"/> (the operator's default) when absent.</summary>
    public long Integer(string name, long fallback) => Node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;

    /// <summary>Whether the node has an attribute of this name at all.</summary>
    public bool Has(string name) => Node.Attribute.Any(a => a.Name == name);

    public static Proto.TensorProto Tensor(string path) => Proto.TensorProto.Parser.ParseFrom(File.ReadAllBytes(path));

    /// <summary>A float tensor's values in row-major order, from raw little-endian bytes or the float_data field.</summary>
    public static float[] Floats(Proto.TensorProto tensor)
    {
        Assert.Equal((int)Proto.TensorProto.Types.DataType.Float, tensor.DataType);
        long count = tensor.Dims.Aggregate(1L, (a, b) => a * b);
        float[] values;
        if (tensor.RawData.Length > 0)
        {
            ReadOnlySpan<byte> raw = tensor.RawData.Span;
            Assert.Equal(count * 4, raw.Length);
            values = new float[count];
            for (int k = 0; k < values.Length; k++) values[k] = BinaryPrimitives.ReadSingleLittleEndian(raw.Slice(4 * k));
        }
        else values = tensor.FloatData.ToArray();
        Assert.Equal(count, values.Length);
        return values;
    }
}
