using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NeuralDsl;
using NeuralDsl.Onnx.Tests.NodeTests;
using Xunit.Abstractions;
using Proto = global::Onnx;

namespace NeuralDsl.Onnx.Tests;

/// <summary>
/// Recurrent and embedding networks exported to ONNX: ONNX Runtime, fed the rows <c>PredictBatch</c>
/// reads (<c>[batch, steps, features]</c>, or <c>[batch, steps]</c> token ids), gives the same outputs
/// within the parity tests' 1e-5 (relative above 1), at several batch sizes.
/// </summary>
public sealed class OnnxRecurrentTests(ITestOutputHelper output)
{

    private static readonly Dictionary<string, Func<INetwork>> Networks = new()
    {
        ["Lstm"] = () => new OnnxLstm(seed: 1),
        ["GruResetAfter"] = () => new OnnxGruResetAfter(seed: 1),
        ["GruResetBefore"] = () => new OnnxGruResetBefore(seed: 1),
        ["SimpleRnn"] = () => new OnnxSimpleRnn(seed: 1),
        ["BidirectionalLstm"] = () => new OnnxBidirectionalLstm(seed: 1),
        ["BidirectionalGru"] = () => new OnnxBidirectionalGru(seed: 1),
        ["StackedRecurrent"] = () => new OnnxStackedRecurrent(seed: 1),
        ["EmbeddingLstm"] = () => new OnnxEmbeddingLstm(seed: 1),
        ["EmbeddingOnly"] = () => new OnnxEmbeddingOnly(seed: 1),
        ["ConvRecurrent"] = () => new OnnxConvRecurrent(seed: 1),
    };

    public static TheoryData<string, int> Cases() => OnnxHarness.Cases(Networks.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_matches_predict(string name, int seed)
    {
        INetwork network = Networks[name]();
        OnnxHarness.Randomise(network, seed);
        int[] sampleShape = network.Layers[0].InputShape.ToArray();
        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(network));

        float worst = 0f;
        foreach (int batch in new[] { 1, 5, 16 })
        {
            float[] inputs = OnnxHarness.Samples(network, new Random(100 * seed + batch), batch, -2f, 2f);
            var expected = new float[batch * network.OutputSize];
            network.PredictBatch(inputs, expected);
            worst = MathF.Max(worst, OnnxHarness.Compare(expected, OnnxHarness.Run(session, inputs, batch, sampleShape), $"batch of {batch}"));
            if (batch < 16) continue;
            var single = new float[network.OutputSize];
            for (int n = 0; n < batch; n += 5)
            {
                ReadOnlySpan<float> sample = inputs.AsSpan(n * network.InputSize, network.InputSize);
                network.Predict(sample, single);
                worst = MathF.Max(worst, OnnxHarness.Compare(single, OnnxHarness.Run(session, sample, 1, sampleShape), $"sample {n}"));
            }
            Assert.Contains(Enumerable.Range(network.OutputSize, expected.Length - network.OutputSize),
                i => expected[i] != expected[i % network.OutputSize]);
        }
        output.WriteLine($"{name}, seed {seed}: worst scaled difference {worst:G3}");
    }

    [Theory]
    [InlineData("Lstm")]
    [InlineData("GruResetAfter")]
    [InlineData("GruResetBefore")]
    [InlineData("SimpleRnn")]
    [InlineData("BidirectionalGru")]
    [InlineData("StackedRecurrent")]
    public void The_weights_read_back_through_the_node_tests_conversion_are_the_network_s(string name)
    {
        INetwork network = Networks[name]();
        OnnxHarness.Randomise(network, 5);
        Proto.GraphProto graph = Proto.ModelProto.Parser.ParseFrom(OnnxHarness.Export(network)).Graph;
        Proto.NodeProto[] nodes = graph.Node.Where(node => node.OpType is "RNN" or "LSTM" or "GRU").ToArray();
        LayerInfo[] layers = network.Layers.Where(layer => layer.IsRecurrent).ToArray();
        Assert.Equal(layers.Length, nodes.Length);

        for (int k = 0; k < layers.Length; k++)
        {
            LayerInfo layer = layers[k];
            Proto.NodeProto node = nodes[k];
            int directions = layer.Bidirectional ? 2 : 1, units = layer.RecurrentUnits, features = layer.InputShape.Features;
            string op = layer.Kind switch { LayerKind.LSTM => "LSTM", LayerKind.GRU => "GRU", _ => "RNN" };
            Assert.Equal(op, node.OpType);
            Assert.Equal(units, OnnxHarness.Attribute(node, "hidden_size").I);
            Assert.Equal(layer.Bidirectional ? "bidirectional" : null, node.Attribute.SingleOrDefault(a => a.Name == "direction")?.S.ToStringUtf8());
            Assert.DoesNotContain(node.Attribute, a => a.Name == "layout");
            if (layer.Kind == LayerKind.GRU) Assert.Equal(layer.ResetAfter ? 1 : 0, OnnxHarness.Attribute(node, "linear_before_reset").I);
            // Y when the next layer reads every step, else only Y_h (Y left out by an empty name).
            Assert.Equal(layer.ReturnSequences ? 1 : 2, node.Output.Count);
            Assert.Equal(layer.ReturnSequences, node.Output[0].Length > 0);

            float[] w = Floats(graph, node.Input[1], directions, layer.Gates * units, features);
            float[] r = Floats(graph, node.Input[2], directions, layer.Gates * units, units);
            float[] b = Floats(graph, node.Input[3], directions, 2 * layer.Gates * units);
            int perDirection = layer.DirectionParameterCount;
            for (int d = 0; d < directions; d++)
            {
                float[] keras = RecurrentNodeTests.ToKeras(op,
                    w.AsSpan(d * w.Length / directions, w.Length / directions).ToArray(),
                    r.AsSpan(d * r.Length / directions, r.Length / directions).ToArray(),
                    b.AsSpan(d * b.Length / directions, b.Length / directions).ToArray(), features, units, layer.ResetAfter);
                Assert.Equal(network.Parameters.Slice(layer.ParameterOffset + d * perDirection, perDirection).ToArray(), keras);
            }
            // Keras' one bias is all input bias: the recurrent half is zero except a reset-after GRU's.
            if (!(layer.Kind == LayerKind.GRU && layer.ResetAfter))
                for (int d = 0; d < directions; d++)
                    Assert.All(b.AsSpan(d * b.Length / directions + b.Length / directions / 2, b.Length / directions / 2).ToArray(), v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void An_embedding_gathers_rows_of_its_table_by_the_ids_cast_to_int64()
    {
        var network = new OnnxEmbeddingLstm(seed: 1);
        OnnxHarness.Randomise(network, 6);
        byte[] model = OnnxHarness.Export(network);
        Proto.GraphProto graph = Proto.ModelProto.Parser.ParseFrom(model).Graph;

        Assert.Equal(new[] { "Cast", "Gather" }, graph.Node.Take(2).Select(node => node.OpType));
        Assert.Equal("input", graph.Node[0].Input[0]);
        Assert.Equal((long)Proto.TensorProto.Types.DataType.Int64, OnnxHarness.Attribute(graph.Node[0], "to").I);
        Assert.Equal(0, OnnxHarness.Attribute(graph.Node[1], "axis").I);
        Assert.Equal(graph.Node[0].Output[0], graph.Node[1].Input[1]);
        LayerInfo embedding = OnnxEmbeddingLstm.Layers[0];
        Assert.Equal(network.Parameters.Slice(embedding.WeightOffset, embedding.ParameterCount).ToArray(),
            Floats(graph, graph.Node[1].Input[0], 10, 4));

        using InferenceSession session = OnnxHarness.Session(model);
        Assert.Equal(new[] { -1, 8 }, session.InputMetadata["input"].Dimensions);
        Assert.Equal(new[] { -1, 1 }, session.OutputMetadata["output"].Dimensions);
    }

    [Fact]
    public void A_recurrent_layer_whose_output_does_not_follow_from_its_kind_is_refused()
    {
        // A bidirectional LSTM of 3 units writes 6 values per step; the table says 5.
        var network = new TableNetwork(new LayerInfo(LayerKind.LSTM, 8, 5, Activation.Linear, 0f, 0, 2 * 4 * 3 * (2 + 3 + 1))
        {
            InputShape = TensorShape.Sequence(4, 2),
            OutputShape = TensorShape.Vector(5),
            Bidirectional = true,
        });

        var error = Assert.Throws<InvalidOperationException>(() => OnnxHarness.Export(network));

        Assert.Contains("Layer 0 maps (4, 2) to (5), which a bidirectional LSTM layer does not", error.Message);
    }

    [Fact]
    public void A_recurrent_layer_with_an_activation_is_refused()
    {
        var network = new TableNetwork(new LayerInfo(LayerKind.GRU, 8, 3, Activation.ReLU, 0f, 0, 3 * 3 * (2 + 3 + 2))
        {
            InputShape = TensorShape.Sequence(4, 2),
            ResetAfter = true,
        });

        var error = Assert.Throws<NotSupportedException>(() => OnnxHarness.Export(network));

        Assert.Contains("Layer 0 is a GRU layer with the activation ReLU", error.Message);
    }

    /// <summary>A hand-written network whose one layer is whatever the test says.</summary>
    private sealed class TableNetwork(LayerInfo layer) : INetwork
    {
        private readonly float[] _parameters = new float[layer.ParameterCount];

        public int InputSize => layer.Inputs;
        public int OutputSize => layer.Units;
        public int ParameterCount => _parameters.Length;
        public IReadOnlyList<LayerInfo> Layers => new[] { layer };
        public Span<float> Parameters => _parameters;
        public Span<float> State => Span<float>.Empty;
        public void ResetParameters(int seed) { }
        public void Predict(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();
        public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => throw new NotSupportedException();
    }


    // An initializer's values, after checking its dimensions.
    private static float[] Floats(Proto.GraphProto graph, string name, params long[] dims)
    {
        Proto.TensorProto tensor = graph.Initializer.Single(t => t.Name == name);
        Assert.Equal(dims, tensor.Dims);
        return RecurrentNodeData.Floats(tensor);
    }

}
