using System;
using System.Collections.Generic;

namespace NeuralDsl.Interop.Onnx;

/// <summary>A node attribute: a float, an integer, a list of integers or a string (the only kinds the exported operators take).</summary>
internal readonly record struct OnnxAttribute(string Name, bool IsFloat, float Float, long Int, long[]? Ints, string? Text = null)
{
    public static OnnxAttribute Of(string name, float value) => new(name, true, value, 0, null);

    public static OnnxAttribute Of(string name, long value) => new(name, false, 0f, value, null);

    public static OnnxAttribute List(string name, params long[] values) => new(name, false, 0f, 0, values);

    public static OnnxAttribute Of(string name, string value) => new(name, false, 0f, 0, null, value);
}

/// <summary>
/// The graph of an exported network as it is built: nodes in topological order, the weights as
/// initializers, one float input of shape [batch, sample dims...] and one float output.
/// </summary>
internal sealed class OnnxGraph
{
    private readonly List<(string Name, string OpType, string[] Inputs, string[] Outputs, OnnxAttribute[] Attributes)> _nodes = new();
    private readonly List<ProtoWriter> _initializers = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Adds a float constant (dims empty for a scalar) and returns its name.</summary>
    public string AddInitializer(string name, ReadOnlySpan<long> dims, ReadOnlySpan<float> values)
    {
        Claim(name);
        var tensor = new ProtoWriter();
        foreach (long dim in dims) tensor.WriteInt64(TensorField.Dims, dim);
        tensor.WriteInt64(TensorField.DataType, TensorField.DataTypeFloat);
        tensor.WriteString(TensorField.Name, name);
        tensor.WritePackedFloats(TensorField.FloatData, values);
        _initializers.Add(tensor);
        return name;
    }

    /// <summary>Adds an int64 constant (a shape or a list of axes, as operators take them) and returns its name.</summary>
    public string AddInt64Initializer(string name, ReadOnlySpan<long> dims, ReadOnlySpan<long> values)
    {
        Claim(name);
        var tensor = new ProtoWriter();
        foreach (long dim in dims) tensor.WriteInt64(TensorField.Dims, dim);
        tensor.WriteInt64(TensorField.DataType, TensorField.DataTypeInt64);
        tensor.WriteString(TensorField.Name, name);
        // Unpacked repeated int64: every protobuf reader accepts it for a packed field too.
        foreach (long value in values) tensor.WriteInt64(TensorField.Int64Data, value);
        _initializers.Add(tensor);
        return name;
    }

    /// <summary>Adds a node with one output, named <paramref name="output"/>, and returns that name.</summary>
    public string AddNode(string opType, string[] inputs, string output, params OnnxAttribute[] attributes)
    {
        AddNode(opType, inputs, new[] { output }, attributes);
        return output;
    }

    /// <summary>
    /// Adds a node with several outputs, by position; an empty name leaves that optional output out (the
    /// recurrent operators' Y when only Y_h is read).
    /// </summary>
    public void AddNode(string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        string first = Array.Find(outputs, output => output.Length > 0)
            ?? throw new ArgumentException("A node needs at least one named output.", nameof(outputs));
        foreach (string output in outputs)
            if (output.Length > 0) Claim(output);
        // Named after the value it first produced, which stays unique when ConnectOutput renames that value.
        _nodes.Add((first + "." + opType, opType, inputs, outputs, attributes));
    }

    /// <summary>
    /// Makes the value <paramref name="last"/> the graph output <paramref name="output"/>: renames the node
    /// that produces it, or adds an Identity node when <paramref name="last"/> is the graph input itself.
    /// </summary>
    public void ConnectOutput(string input, string last, string output)
    {
        if (last == input)
        {
            AddNode("Identity", new[] { input }, output);
            return;
        }
        int producer = _nodes.FindIndex(node => Array.IndexOf(node.Outputs, last) >= 0);
        string[] outputs = (string[])_nodes[producer].Outputs.Clone();
        outputs[Array.IndexOf(outputs, last)] = output;
        _nodes[producer] = _nodes[producer] with { Outputs = outputs };
    }

    /// <summary>Serialises the graph as a GraphProto.</summary>
    public ProtoWriter ToProto(string name, string input, int[] inputDims, string output, int[] outputDims, string batchDimension)
    {
        var graph = new ProtoWriter();
        for (int i = 0; i < _nodes.Count; i++) graph.WriteMessage(GraphField.Node, Node(i));
        graph.WriteString(GraphField.Name, name);
        foreach (ProtoWriter initializer in _initializers) graph.WriteMessage(GraphField.Initializer, initializer);
        graph.WriteMessage(GraphField.Input, ValueInfo(input, batchDimension, inputDims));
        graph.WriteMessage(GraphField.Output, ValueInfo(output, batchDimension, outputDims));
        return graph;
    }

    private void Claim(string name)
    {
        if (!_names.Add(name)) throw new InvalidOperationException($"The ONNX value name '{name}' is used twice.");
    }

    private ProtoWriter Node(int index)
    {
        var (name, opType, inputs, outputs, attributes) = _nodes[index];
        var node = new ProtoWriter();
        foreach (string input in inputs) node.WriteString(NodeField.Input, input);
        foreach (string output in outputs) node.WriteString(NodeField.Output, output);
        node.WriteString(NodeField.Name, name);
        node.WriteString(NodeField.OpType, opType);
        foreach (OnnxAttribute attribute in attributes) node.WriteMessage(NodeField.Attribute, Attribute(attribute));
        return node;
    }

    private static ProtoWriter Attribute(OnnxAttribute attribute)
    {
        var proto = new ProtoWriter();
        proto.WriteString(AttributeField.Name, attribute.Name);
        if (attribute.Ints is { } ints)
        {
            foreach (long value in ints) proto.WriteInt64(AttributeField.Ints, value);
            proto.WriteInt64(AttributeField.Type, AttributeField.TypeInts);
            return proto;
        }
        if (attribute.Text is { } text)
        {
            proto.WriteString(AttributeField.String, text);
            proto.WriteInt64(AttributeField.Type, AttributeField.TypeString);
            return proto;
        }
        if (attribute.IsFloat) proto.WriteFloat(AttributeField.Float, attribute.Float);
        else proto.WriteInt64(AttributeField.Int, attribute.Int);
        proto.WriteInt64(AttributeField.Type, attribute.IsFloat ? AttributeField.TypeFloat : AttributeField.TypeInt);
        return proto;
    }

    // A float tensor of shape [batch, dims...], the batch dimension symbolic.
    private static ProtoWriter ValueInfo(string name, string batchDimension, int[] dims)
    {
        var batch = new ProtoWriter();
        batch.WriteString(ValueInfoField.DimensionParameter, batchDimension);
        var shape = new ProtoWriter();
        shape.WriteMessage(ValueInfoField.ShapeDimension, batch);
        foreach (int extent in dims)
        {
            var dimension = new ProtoWriter();
            dimension.WriteInt64(ValueInfoField.DimensionValue, extent);
            shape.WriteMessage(ValueInfoField.ShapeDimension, dimension);
        }
        var tensor = new ProtoWriter();
        tensor.WriteInt64(ValueInfoField.TensorElementType, TensorField.DataTypeFloat);
        tensor.WriteMessage(ValueInfoField.TensorShape, shape);
        var type = new ProtoWriter();
        type.WriteMessage(ValueInfoField.TypeTensor, tensor);
        var valueInfo = new ProtoWriter();
        valueInfo.WriteString(ValueInfoField.Name, name);
        valueInfo.WriteMessage(ValueInfoField.Type, type);
        return valueInfo;
    }
}
