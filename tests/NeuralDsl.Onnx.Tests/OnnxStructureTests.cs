using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NeuralDsl;
using NeuralDsl.Interop.Onnx;
using Proto = global::Onnx;

namespace NeuralDsl.Onnx.Tests;

/// <summary>
/// What the exported model declares, read back by ONNX Runtime and by an independent ONNX parser
/// (OnnxSharp, generated from onnx.proto): interface, opset, operators and attributes, names.
/// </summary>
public sealed class OnnxStructureTests
{
    private static Proto.ModelProto Parse(byte[] model) => Proto.ModelProto.Parser.ParseFrom(model);

    [Fact]
    public void Onnx_runtime_sees_a_symbolic_batch_and_the_feature_widths()
    {
        var network = new BatchNormNet(seed: 1);
        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(network));

        NodeMetadata input = Assert.Single(session.InputMetadata, pair => pair.Key == "input").Value;
        NodeMetadata output = Assert.Single(session.OutputMetadata, pair => pair.Key == "output").Value;
        Assert.Equal(typeof(float), input.ElementType);
        Assert.Equal(typeof(float), output.ElementType);
        Assert.Equal(new[] { -1, BatchNormNet.InputSize }, input.Dimensions);
        Assert.Equal(new[] { -1, BatchNormNet.OutputSize }, output.Dimensions);
        Assert.Equal("batch", input.SymbolicDimensions[0]);
        Assert.Equal("batch", output.SymbolicDimensions[0]);

        ModelMetadata metadata = session.ModelMetadata;
        Assert.Equal("NeuralDsl", metadata.ProducerName);
        Assert.Equal(nameof(BatchNormNet), metadata.GraphName);
        Assert.Equal("false", metadata.CustomMetadataMap["from_logits"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void Any_batch_size_runs(int batch)
    {
        var network = new DropoutNet(seed: 2);
        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(network));
        float[] inputs = OnnxHarness.Uniform(new Random(batch), batch * DropoutNet.InputSize, -1f, 1f);
        var expected = new float[batch * DropoutNet.OutputSize];
        network.PredictBatch(inputs, expected);

        float[] actual = OnnxHarness.Run(session, inputs, batch, DropoutNet.InputSize);

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f);
    }

    [Fact]
    public void A_logits_network_says_so_in_its_metadata()
    {
        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(new LogitsNet(seed: 1)));

        Assert.Equal("true", session.ModelMetadata.CustomMetadataMap["from_logits"]);
    }

    [Fact]
    public void The_model_imports_opset_17_of_the_default_domain_at_ir_version_8()
    {
        Proto.ModelProto model = Parse(OnnxHarness.Export(new SoftmaxNet(seed: 1)));

        Assert.Equal(8, model.IrVersion);
        Proto.OperatorSetIdProto opset = Assert.Single(model.OpsetImport);
        Assert.Equal("", opset.Domain);
        Assert.Equal(17, opset.Version);
        Assert.Equal(OnnxExporter.Opset, opset.Version);
        Assert.Equal(OnnxExporter.IrVersion, model.IrVersion);
    }

    [Fact]
    public void Each_layer_becomes_its_operators_and_dropout_none()
    {
        var network = new BatchNormNet(seed: 3);
        OnnxHarness.Randomise(network, 3);
        Proto.GraphProto graph = Parse(OnnxHarness.Export(network)).Graph;

        Assert.Equal(
            new[] { "MatMul", "BatchNormalization", "Relu", "MatMul", "BatchNormalization", "Tanh", "Gemm", "Softmax" },
            graph.Node.Select(node => node.OpType));
        Proto.NodeProto[] normalisations = graph.Node.Where(node => node.OpType == "BatchNormalization").ToArray();
        Assert.Equal(1e-3f, OnnxHarness.Attribute(normalisations[0], "epsilon").F);
        Assert.Equal(1e-5f, OnnxHarness.Attribute(normalisations[1], "epsilon").F);
        Assert.All(normalisations, node => Assert.Equal(0, OnnxHarness.Attribute(node, "training_mode").I));
        Assert.Equal(1, OnnxHarness.Attribute(graph.Node.Single(node => node.OpType == "Softmax"), "axis").I);
        Assert.Equal(0, OnnxHarness.Attribute(graph.Node.Single(node => node.OpType == "Gemm"), "transB").I);
        Assert.Equal("input", graph.Node[0].Input[0]);
        Assert.Equal("output", graph.Node[^1].Output.Single());

        // The weights are the network's own, in its [inputs, units] layout; the statistics are its state.
        LayerInfo first = BatchNormNet.Layers[0];
        Proto.TensorProto kernel = graph.Initializer.Single(tensor => tensor.Name == graph.Node[0].Input[1]);
        Assert.Equal(new long[] { first.Inputs, first.Units }, kernel.Dims);
        Assert.Equal(network.Parameters.Slice(first.WeightOffset, first.Inputs * first.Units).ToArray(), kernel.FloatData);
        LayerInfo norm = BatchNormNet.Layers[1];
        Proto.TensorProto variance = graph.Initializer.Single(tensor => tensor.Name == normalisations[0].Input[4]);
        Assert.Equal(network.State.Slice(norm.StateOffset + norm.Units, norm.Units).ToArray(), variance.FloatData);
    }

    [Fact]
    public void Activation_parameters_are_written_explicitly_as_float32()
    {
        Proto.GraphProto graph = Parse(OnnxHarness.Export(new ActivationLayersNet(seed: 1))).Graph;

        Assert.Equal(0.3f, OnnxHarness.Attribute(graph.Node.Single(node => node.OpType == "LeakyRelu"), "alpha").F);
        Assert.Equal(1.5f, OnnxHarness.Attribute(graph.Node.Single(node => node.OpType == "Elu"), "alpha").F);
        Proto.NodeProto selu = graph.Node.Single(node => node.OpType == "Selu");
        Assert.Equal(Activations.SeluAlpha, OnnxHarness.Attribute(selu, "alpha").F);
        Assert.Equal(Activations.SeluScale, OnnxHarness.Attribute(selu, "gamma").F);
        Proto.NodeProto prelu = graph.Node.Single(node => node.OpType == "PRelu");
        Assert.Equal(new long[] { 6 }, graph.Initializer.Single(tensor => tensor.Name == prelu.Input[1]).Dims);
        Assert.DoesNotContain(graph.Node, node => node.OpType == "Identity");
    }

    [Fact]
    public void A_network_that_is_the_identity_at_inference_exports_one_identity_node()
    {
        var network = new IdentityNet(seed: 1);
        byte[] model = OnnxHarness.Export(network);
        Proto.NodeProto node = Assert.Single(Parse(model).Graph.Node);
        Assert.Equal("Identity", node.OpType);

        using InferenceSession session = OnnxHarness.Session(model);
        float[] inputs = { 1.5f, -2f, 0.25f };
        Assert.Equal(inputs, OnnxHarness.Run(session, inputs, 1, IdentityNet.InputSize));
    }

    [Fact]
    public void Custom_names_reach_the_model()
    {
        var options = new OnnxExportOptions { InputName = "INPUT__0", OutputName = "OUTPUT__0", BatchDimension = "N" };
        var network = new TanhNet(seed: 1);
        using InferenceSession session = OnnxHarness.Session(OnnxHarness.Export(network, options));

        Assert.Equal("N", session.InputMetadata["INPUT__0"].SymbolicDimensions[0]);
        Assert.Equal("N", session.OutputMetadata["OUTPUT__0"].SymbolicDimensions[0]);
        float[] inputs = { 0.1f, -0.2f, 0.3f, 0.4f, -0.5f };
        var expected = new float[TanhNet.OutputSize];
        network.Predict(inputs, expected);
        float[] actual = OnnxHarness.Run(session, inputs, 1, TanhNet.InputSize, "INPUT__0", "OUTPUT__0");
        for (int j = 0; j < expected.Length; j++) Assert.Equal(expected[j], actual[j], 1e-5f);
    }

    [Fact]
    public void The_model_holds_the_parameters_of_the_moment_of_export()
    {
        var network = new ReluNet(seed: 4);
        float[] sample = { 0.5f, -0.25f, 1f, 0.75f, -1f };
        var before = new float[ReluNet.OutputSize];
        network.Predict(sample, before);
        byte[] model = OnnxHarness.Export(network);

        network.Parameters[ReluNet.Layers[1].BiasOffset] += 1f;
        using InferenceSession session = OnnxHarness.Session(model);
        float[] exported = OnnxHarness.Run(session, sample, 1, ReluNet.InputSize);

        Assert.Equal(before[0], exported[0], 1e-5f);
        var after = new float[ReluNet.OutputSize];
        network.Predict(sample, after);
        Assert.Equal(before[0] + 1f, after[0], 1e-5f);
    }

    [Fact]
    public void A_file_export_writes_what_a_stream_export_writes()
    {
        var network = new PReluNet(seed: 1);
        string path = Path.Combine(Path.GetTempPath(), $"neuraldsl-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            network.ExportOnnx(path);
            Assert.Equal(OnnxHarness.Export(network), File.ReadAllBytes(path));
            using var session = new InferenceSession(path);
            Assert.Contains("input", session.InputMetadata.Keys);
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_failed_export_leaves_an_existing_file_as_it_was()
    {
        string path = Path.Combine(Path.GetTempPath(), $"neuraldsl-onnx-{Guid.NewGuid():N}.onnx");
        byte[] previous = { 1, 2, 3 };
        File.WriteAllBytes(path, previous);
        try
        {
            var broken = new FakeNetwork(9, new LayerInfo(LayerKind.Dense, 2, 3, Activation.Tanh, 0f, 0, 8));
            var error = Assert.Throws<InvalidOperationException>(() => broken.ExportOnnx(path));
            Assert.Contains("Layer 0 declares 8 parameters but a Dense layer of this shape has 9", error.Message);
            Assert.Equal(previous, File.ReadAllBytes(path));
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_inconsistent_layer_table_is_refused_with_the_layer_named()
    {
        var wrongWidth = new FakeNetwork(12, new LayerInfo(LayerKind.Dense, 3, 3, Activation.Tanh, 0f, 0, 12));
        Assert.Contains("Layer 0 reads 3 values but receives 2", Assert.Throws<InvalidOperationException>(() => Export(wrongWidth)).Message);

        var outside = new FakeNetwork(9, new LayerInfo(LayerKind.Dense, 2, 3, Activation.Tanh, 0f, 5, 9));
        Assert.Contains("beyond the network's 9", Assert.Throws<InvalidOperationException>(() => Export(outside)).Message);

        var noStatistics = new FakeNetwork(15, new LayerInfo(LayerKind.Dense, 2, 3, Activation.Linear, 0f, 0, 9),
            new LayerInfo(LayerKind.BatchNormalization, 3, 3, Activation.Linear, 0f, 9, 6));
        Assert.Contains("Layer 1 has running statistics", Assert.Throws<InvalidOperationException>(() => Export(noStatistics)).Message);

        var unknown = new FakeNetwork(0, new LayerInfo((LayerKind)42, 2, 3, Activation.Linear, 0f, 0, 0));
        Assert.Contains("Layer 0 (42, Linear)", Assert.Throws<NotSupportedException>(() => Export(unknown)).Message);
    }

    [Theory]
    [InlineData("", "output", "batch", "InputName is empty")]
    [InlineData("input", " ", "batch", "OutputName is empty")]
    [InlineData("input", "output", "", "BatchDimension is empty")]
    [InlineData("x", "x", "batch", "both 'x'")]
    [InlineData("layers.0.kernel", "output", "batch", "reserves")]
    public void Bad_names_are_refused_before_anything_is_written(string input, string output, string batch, string message)
    {
        using var stream = new MemoryStream();
        var options = new OnnxExportOptions { InputName = input, OutputName = output, BatchDimension = batch };

        var error = Assert.Throws<ArgumentException>(() => new TanhNet(seed: 1).ExportOnnx(stream, options));

        Assert.Contains(message, error.Message);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Missing_or_unusable_arguments_are_refused()
    {
        var network = new TanhNet(seed: 1);
        using var readOnly = new MemoryStream(new byte[16], writable: false);

        Assert.Throws<ArgumentNullException>(() => ((INetwork)null!).ExportOnnx(new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => network.ExportOnnx((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => network.ExportOnnx((string)null!));
        Assert.Throws<ArgumentException>(() => network.ExportOnnx(" "));
        Assert.Contains("not writable", Assert.Throws<ArgumentException>(() => network.ExportOnnx(readOnly)).Message);
    }

    private static byte[] Export(INetwork network) => OnnxHarness.Export(network);


    /// <summary>An INetwork whose layer table is whatever the test says: 2 inputs, 3 outputs, no state.</summary>
    private sealed class FakeNetwork(int parameterCount, params LayerInfo[] layers) : INetwork
    {
        private readonly float[] _parameters = new float[parameterCount];

        public int InputSize => 2;
        public int OutputSize => 3;
        public int ParameterCount => _parameters.Length;
        public IReadOnlyList<LayerInfo> Layers => layers;
        public Span<float> Parameters => _parameters;
        public Span<float> State => Span<float>.Empty;
        public void ResetParameters(int seed) { }
        public void Predict(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();
        public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => throw new NotSupportedException();
    }
}
