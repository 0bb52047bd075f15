using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NeuralDsl;
using NeuralDsl.Interop.Onnx;
using Xunit.Abstractions;
using Proto = global::Onnx;

namespace NeuralDsl.Onnx.Tests;

/// <summary>
/// Image and sequence networks exported to ONNX: ONNX Runtime, fed the same channels-last rows as
/// <c>PredictBatch</c> (shaped <c>[batch, H, W, C]</c> or <c>[batch, steps, features]</c>), gives the
/// same outputs within the parity tests' 1e-5 (relative above 1).
/// </summary>
public sealed class OnnxConvolutionTests(ITestOutputHelper output)
{
    private const int Batch = 16;

    private static readonly Dictionary<string, Func<INetwork>> Networks = new()
    {
        ["SameCnn"] = () => new SameCnn(seed: 1),
        ["AverageCnn"] = () => new AverageCnn(seed: 1),
        ["SequenceCnn"] = () => new SequenceCnn(seed: 1),
        ["AverageSequenceCnn"] = () => new AverageSequenceCnn(seed: 1),
        ["ImageOutCnn"] = () => new ImageOutCnn(seed: 1),
        ["NormalisedCnn"] = () => new NormalisedCnn(seed: 1),
        ["NormalisedSequenceCnn"] = () => new NormalisedSequenceCnn(seed: 1),
        ["NormalisedImageOutCnn"] = () => new NormalisedImageOutCnn(seed: 1),
    };

    public static TheoryData<string, int> Cases() => OnnxHarness.Cases(Networks.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Onnx_runtime_matches_predict(string name, int seed)
    {
        INetwork network = Networks[name]();
        OnnxHarness.Randomise(network, seed);
        int[] sampleShape = network.Layers[0].InputShape.ToArray();
        float[] inputs = OnnxHarness.Uniform(new Random(100 + seed), Batch * network.InputSize, -2f, 2f);

        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(network));

        var expected = new float[Batch * network.OutputSize];
        network.PredictBatch(inputs, expected);
        float worst = OnnxHarness.Compare(expected, OnnxHarness.Run(session, inputs, Batch, sampleShape), "batch");
        var single = new float[network.OutputSize];
        for (int n = 0; n < Batch; n += 5)
        {
            ReadOnlySpan<float> sample = inputs.AsSpan(n * network.InputSize, network.InputSize);
            network.Predict(sample, single);
            worst = MathF.Max(worst, OnnxHarness.Compare(single, OnnxHarness.Run(session, sample, 1, sampleShape), $"sample {n}"));
        }
        Assert.Contains(Enumerable.Range(network.OutputSize, expected.Length - network.OutputSize),
            i => expected[i] != expected[i % network.OutputSize]);
        output.WriteLine($"{name}, seed {seed}: worst scaled difference {worst:G3}");
    }

    [Theory]
    [InlineData("SameCnn", new[] { 10, 10, 2 })]
    [InlineData("SequenceCnn", new[] { 12, 3 })]
    public void The_input_keeps_the_channels_last_sample_shape(string name, int[] sampleShape)
    {
        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(Networks[name]()));

        int[] dims = session.InputMetadata["input"].Dimensions;
        Assert.Equal(new[] { -1 }.Concat(sampleShape), dims);
        Assert.Equal("batch", session.InputMetadata["input"].SymbolicDimensions[0]);
        Assert.Equal(2, session.OutputMetadata["output"].Dimensions.Length);
    }

    [Fact]
    public void The_windows_are_written_out_as_an_independent_parser_reads_them()
    {
        var network = new SameCnn(seed: 1);
        OnnxHarness.Randomise(network, 4);
        Proto.GraphProto graph = Proto.ModelProto.Parser.ParseFrom(OnnxHarness.Export(network)).Graph;

        Assert.Equal(new long[] { 0, 3, 1, 2 }, OnnxHarness.Attribute(graph.Node[0], "perm").Ints);
        Proto.NodeProto[] convs = graph.Node.Where(node => node.OpType == "Conv").ToArray();
        Assert.Equal(new long[] { 1, 1, 1, 1 }, OnnxHarness.Attribute(convs[0], "pads").Ints);
        Assert.Equal(new long[] { 1, 1 }, OnnxHarness.Attribute(convs[0], "strides").Ints);
        // Keras' same at stride 2 on 10: nothing before, one after, on both axes ([top, left, bottom, right]).
        Assert.Equal(new long[] { 0, 0, 1, 1 }, OnnxHarness.Attribute(convs[1], "pads").Ints);
        Assert.Equal(new long[] { 2, 2 }, OnnxHarness.Attribute(convs[1], "strides").Ints);
        Assert.Equal(new long[] { 0, 0, 1, 1 }, OnnxHarness.Attribute(graph.Node.Single(node => node.OpType == "MaxPool"), "pads").Ints);

        // OIHW: element [o, i, y, x] is our [y, x, i, o].
        LayerInfo second = SameCnn.Layers[1];
        Proto.TensorProto kernel = graph.Initializer.Single(tensor => tensor.Name == convs[1].Input[1]);
        Assert.Equal(new long[] { 6, 4, 3, 3 }, kernel.Dims);
        ReadOnlySpan<float> ours = network.Parameters.Slice(second.WeightOffset, 3 * 3 * 4 * 6);
        for (int o = 0; o < 6; o++)
            for (int i = 0; i < 4; i++)
                for (int y = 0; y < 3; y++)
                    for (int x = 0; x < 3; x++)
                        Assert.Equal(ours[y * 3 * 4 * 6 + x * 4 * 6 + i * 6 + o], kernel.FloatData[o * 4 * 3 * 3 + i * 3 * 3 + y * 3 + x]);

        Proto.GraphProto average = Proto.ModelProto.Parser.ParseFrom(OnnxHarness.Export(new AverageCnn(seed: 1))).Graph;
        Proto.NodeProto padded = average.Node.First(node => node.OpType == "AveragePool");
        Assert.Equal(0, OnnxHarness.Attribute(padded, "count_include_pad").I);
        Assert.Equal(new long[] { 1, 0, 1, 1 }, OnnxHarness.Attribute(padded, "pads").Ints);
    }

    [Fact]
    public void Batch_normalisation_after_a_convolution_is_one_node_per_channel_in_the_channels_first_section()
    {
        var network = new NormalisedCnn(seed: 1);
        OnnxHarness.Randomise(network, 5);
        Proto.GraphProto graph = Proto.ModelProto.Parser.ParseFrom(OnnxHarness.Export(network)).Graph;

        Proto.NodeProto[] norms = graph.Node.Where(node => node.OpType == "BatchNormalization").ToArray();
        Assert.Equal(2, norms.Length);
        // The first normalises the input after its turn to [batch, C, H, W], the second the convolution's output.
        Assert.Equal("Transpose", graph.Node.Single(node => node.Output.Contains(norms[0].Input[0])).OpType);
        Assert.Equal("Conv", graph.Node.Single(node => node.Output.Contains(norms[1].Input[0])).OpType);
        LayerInfo second = NormalisedCnn.Layers[2];
        ReadOnlySpan<float> parameters = network.Parameters, state = network.State;
        float[][] expected =
        [
            parameters.Slice(second.WeightOffset, 4).ToArray(), parameters.Slice(second.BiasOffset, 4).ToArray(),
            state.Slice(second.StateOffset, 4).ToArray(), state.Slice(second.StateOffset + 4, 4).ToArray(),
        ];
        for (int k = 0; k < 4; k++)
        {
            Proto.TensorProto tensor = graph.Initializer.Single(t => t.Name == norms[1].Input[k + 1]);
            Assert.Equal(new long[] { 4 }, tensor.Dims);
            Assert.Equal(expected[k], tensor.FloatData.ToArray());
        }
        Assert.Equal(0, OnnxHarness.Attribute(norms[1], "training_mode").I);
    }

    [Fact]
    public void Batch_normalisation_counted_per_value_instead_of_per_channel_is_refused_with_the_layer_named()
    {
        var image = TensorShape.Image(2, 2, 1);
        var network = new ImageTableNetwork(new LayerInfo(LayerKind.BatchNormalization, 4, 4, Activation.Linear, 0f, 0, 8)
        {
            InputShape = image,
            OutputShape = image,
            StateCount = 8,
        });

        var error = Assert.Throws<InvalidOperationException>(() => OnnxHarness.Export(network));

        Assert.Contains("Layer 0 declares 8 parameters but a BatchNormalization layer of this shape has 2", error.Message);
    }

    [Fact]
    public void Batch_normalisation_that_changes_the_shape_is_refused_with_the_layer_named()
    {
        var network = new ImageTableNetwork(new LayerInfo(LayerKind.BatchNormalization, 4, 4, Activation.Linear, 0f, 0, 8)
        {
            InputShape = TensorShape.Image(2, 2, 1),
            OutputShape = TensorShape.Image(1, 1, 4),
            StateCount = 8,
        });

        var error = Assert.Throws<InvalidOperationException>(() => OnnxHarness.Export(network));

        Assert.Contains("Layer 0 maps (2, 2, 1) to (1, 1, 4)", error.Message);
    }

    [Fact]
    public void A_window_that_does_not_give_the_declared_output_is_refused()
    {
        var network = new ImageTableNetwork(new LayerInfo(LayerKind.MaxPool2D, 4, 4, Activation.Linear, 0f, 0, 0)
        {
            InputShape = TensorShape.Image(2, 2, 1),
            OutputShape = TensorShape.Image(2, 2, 1),
            KernelSize = 2,
            Strides = 2,
        });

        var error = Assert.Throws<InvalidOperationException>(() => OnnxHarness.Export(network));

        Assert.Contains("Layer 0 maps (2, 2, 1) to (2, 2, 1)", error.Message);
    }

    /// <summary>A hand-written network over a 2 x 2 x 1 image whose one layer is whatever the test says.</summary>
    private sealed class ImageTableNetwork(LayerInfo layer) : INetwork
    {
        private readonly float[] _parameters = new float[layer.ParameterCount];
        private readonly float[] _state = new float[layer.StateCount];

        public int InputSize => 4;
        public int OutputSize => layer.Units;
        public int ParameterCount => _parameters.Length;
        public IReadOnlyList<LayerInfo> Layers => new[] { layer };
        public Span<float> Parameters => _parameters;
        public Span<float> State => _state;
        public void ResetParameters(int seed) { }
        public void Predict(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();
        public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => throw new NotSupportedException();
    }


}
