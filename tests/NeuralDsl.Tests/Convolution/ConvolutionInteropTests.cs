using System;
using System.IO;
using NeuralDsl.Embedding;
using NeuralDsl.Reports;
using NeuralDsl.Weights;

namespace NeuralDsl.Tests.Convolution;

/// <summary>
/// Convolution networks at the boundaries: .ndw files round-trip and know the shapes; the formats that
/// do not cover images yet (safetensors, weights JSON) refuse them, naming the layer, and write nothing
/// (ONNX exports them: tests/NeuralDsl.Onnx.Tests/OnnxConvolutionTests).
/// </summary>
public class ConvolutionInteropTests
{
    [Fact]
    public void Ndw_round_trips_a_cnn()
    {
        var net = new FashionSizedCnn(seed: 1);
        using var stream = new MemoryStream();
        net.SaveWeights(stream);
        var other = new FashionSizedCnn(seed: 2);
        Assert.NotEqual(net.Parameters.ToArray(), other.Parameters.ToArray());
        stream.Position = 0;
        other.LoadWeights(stream);
        Assert.Equal(net.Parameters.ToArray(), other.Parameters.ToArray());
    }

    [Fact]
    public void Ndw_fingerprint_tells_shapes_apart_when_widths_and_counts_agree()
    {
        var square = new SquareImageCnn(seed: 1);
        var wide = new WideImageCnn(seed: 2);
        for (int i = 0; i < SquareImageCnn.Layers.Count; i++)
        {
            Assert.Equal(SquareImageCnn.Layers[i].Inputs, WideImageCnn.Layers[i].Inputs);
            Assert.Equal(SquareImageCnn.Layers[i].Units, WideImageCnn.Layers[i].Units);
            Assert.Equal(SquareImageCnn.Layers[i].ParameterCount, WideImageCnn.Layers[i].ParameterCount);
        }
        using var stream = new MemoryStream();
        square.SaveWeights(stream);
        stream.Position = 0;
        float[] before = wide.Parameters.ToArray();
        Assert.False(wide.TryLoadWeights(stream, out string? error));
        Assert.Contains("(4, 4, 2)", error);
        Assert.Equal(before, wide.Parameters.ToArray());
    }

    [Fact]
    public void Safetensors_round_trips_image_layers()
    {
        var net = new FashionSizedCnn(seed: 1);
        using var stream = new MemoryStream();
        net.SaveSafetensors(stream);
        var again = new FashionSizedCnn(seed: 2);
        stream.Position = 0;
        again.LoadSafetensors(stream);
        Assert.Equal(net.Parameters.ToArray(), again.Parameters.ToArray());
    }

    [Fact]
    public void RTNeural_json_refuses_image_layers_naming_the_first()
    {
        var net = new FashionSizedCnn();
        float[] before = net.Parameters.ToArray();
        using var stream = new MemoryStream();
        Assert.Contains("Layer 0 (Conv2D, (28, 28, 1) -> (28, 28, 16)): RTNeural's conv1d and conv2d are causal convolutions",
            Assert.Throws<NotSupportedException>(() => net.ExportRTNeuralJson(stream)).Message);
        Assert.Equal(0, stream.Length);
        var model = new MemoryStream("""{ "in_shape": [null, 784], "layers": [] }"""u8.ToArray());
        Assert.Contains("Layer 0 (Conv2D", Assert.Throws<InvalidDataException>(() => net.LoadWeightsJson(model)).Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void Summary_prints_Keras_shapes_and_counts()
    {
        string text = NetworkSummary.Create(new FashionSizedCnn()).ToString();
        Assert.Contains("(input: (None, 28, 28, 1))", text);
        Assert.Contains("conv2d (Conv2D)", text);
        Assert.Contains("(None, 28, 28, 16)", text);
        Assert.Contains("max_pooling2d_1 (MaxPool2D)", text);
        Assert.Contains("(None, 6, 6, 32)", text);
        Assert.Contains("(None, 1152)", text);
        // Keras: 3*3*1*16 + 16 = 160, 3*3*16*32 + 32 = 4,640, 1152*64 + 64 = 73,792, 64*10 + 10 = 650.
        Assert.Equal(160 + 4640 + 73792 + 650, FashionSizedCnn.ParameterCount);
        Assert.Contains("4,640", text);
    }

    [Fact]
    public void Cnn_inference_and_training_allocate_nothing()
    {
        var net = new FashionSizedCnn();
        const int batch = 4;
        float[] inputs = new float[batch * FashionSizedCnn.InputSize], targets = new float[batch], outputs = new float[batch * FashionSizedCnn.OutputSize];
        var random = new SeededRandom(3);
        for (int i = 0; i < inputs.Length; i++) inputs[i] = random.NextSingle();
        for (int i = 0; i < targets.Length; i++) targets[i] = random.NextInt(10);
        Assert.Equal(0, Allocations.PerRound(() => net.Predict(inputs.AsSpan(0, FashionSizedCnn.InputSize), outputs.AsSpan(0, FashionSizedCnn.OutputSize))));
        Assert.Equal(0, Allocations.PerRound(() => net.PredictBatch(inputs, outputs)));
        Assert.Equal(0, Allocations.PerRound(() => net.ComputeLoss(inputs, targets)));
        Assert.Equal(0, Allocations.PerRound(() => net.TrainStep(inputs, targets)));
    }
}
