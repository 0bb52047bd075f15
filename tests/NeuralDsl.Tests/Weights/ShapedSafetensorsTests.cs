using System;
using System.Collections.Generic;
using System.IO;
using NeuralDsl.Weights;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Weights;

/// <summary>
/// Convolution, recurrent and embedding networks in safetensors with PyTorch's names and layouts: files
/// written by PyTorch (tests/reference/make_shaped_safetensors_reference.py) load into the matching
/// generated networks and reproduce PyTorch's outputs; our files load back bit for bit.
/// </summary>
public class ShapedSafetensorsTests(ITestOutputHelper output)
{
    public static TheoryData<string> Models => new() { "TorchCnn", "TorchSequenceCnn", "TorchBidirectionalLstm", "TorchRnnLstm", "TorchEmbeddingGru" };

    private static INetwork Create(string name, int seed = 1) => name switch
    {
        "TorchCnn" => new TorchCnnNet(seed),
        "TorchSequenceCnn" => new TorchSequenceCnnNet(seed),
        "TorchBidirectionalLstm" => new TorchBidirectionalLstmNet(seed),
        "TorchRnnLstm" => new TorchRnnLstmNet(seed),
        "TorchEmbeddingGru" => new TorchEmbeddingGruNet(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>
    /// Outputs within 1e-6 of PyTorch's (float64 math on the same float32 weights), as the dense models'
    /// reference test: absolute for outputs up to 1 in magnitude, relative above.
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void A_pytorch_state_dict_reproduces_pytorch_outputs(string name)
    {
        INetwork net = Create(name);
        (double worst, int samples) = SafetensorsReference.Reproduce(net, name);
        output.WriteLine($"{name}: worst error {worst:E2} over {samples} samples");
        Assert.Equal(6, samples);
        Assert.True(worst <= 1e-6, $"{name}: error {worst:E2}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Our_file_loads_back_bit_for_bit_with_pytorch_s_names_and_shapes(string name)
    {
        INetwork source = Create(name);
        source.LoadSafetensors(SafetensorsReference.Path(name + ".safetensors"));
        using var stream = new MemoryStream();
        source.SaveSafetensors(stream);
        INetwork target = Create(name, seed: 9);
        stream.Position = 0;
        target.LoadSafetensors(stream);
        Assert.Equal(NetworkSnapshot.Bits(source.Parameters), NetworkSnapshot.Bits(target.Parameters));

        Assert.Equal(Shapes(File.ReadAllBytes(SafetensorsReference.Path(name + ".safetensors"))), Shapes(stream.ToArray()));
    }

    [Fact]
    public void A_single_bias_is_written_as_bias_ih_with_a_zero_bias_hh_and_read_as_their_sum()
    {
        var net = new TorchRnnLstmNet(seed: 4);
        using var stream = new MemoryStream();
        net.SaveSafetensors(stream);
        Dictionary<string, byte[]> tensors = SafetensorsTestFiles.Tensors(stream.ToArray());
        Assert.All(new[] { "0.bias_hh_l0", "1.bias_hh_l0" }, name => Assert.All(tensors[name], b => Assert.Equal(0, b)));

        // PyTorch's file has both biases non-zero: the loaded bias is their sum (LSTM gates in the same order).
        var loaded = new TorchRnnLstmNet();
        loaded.LoadSafetensors(SafetensorsReference.Path("TorchRnnLstm.safetensors"));
        Dictionary<string, byte[]> torch = SafetensorsTestFiles.Tensors(File.ReadAllBytes(SafetensorsReference.Path("TorchRnnLstm.safetensors")));
        float[] ih = Floats(torch["1.bias_ih_l0"]), hh = Floats(torch["1.bias_hh_l0"]);
        LayerInfo lstm = TorchRnnLstmNet.Layers[1];
        for (int k = 0; k < 12; k++) Assert.Equal(ih[k] + hh[k], loaded.Parameters[lstm.BiasOffset + k]);
    }

    [Fact]
    public void Batch_normalisation_after_a_convolution_is_one_tensor_value_per_channel()
    {
        var net = new Tests.Convolution.Conv2DBatchNormRelu(seed: 3);
        net.State.Fill(0.5f);
        using var stream = new MemoryStream();
        net.SaveSafetensors(stream);
        SortedDictionary<string, string> shapes = Shapes(stream.ToArray());
        // nn.Conv2d(2, 3, 3, bias=False), nn.BatchNorm2d(3), nn.ReLU, nn.Flatten, nn.Linear(27, 2).
        Assert.Equal("[3,2,3,3]", shapes["0.weight"]);
        Assert.All(new[] { "1.weight", "1.bias", "1.running_mean", "1.running_var" }, name => Assert.Equal("[3]", shapes[name]));
        Assert.Equal("[2,27]", shapes["4.weight"]);
        var target = new Tests.Convolution.Conv2DBatchNormRelu(seed: 8);
        stream.Position = 0;
        target.LoadSafetensors(stream);
        Assert.Equal(NetworkSnapshot.Bits(net.Parameters), NetworkSnapshot.Bits(target.Parameters));
        Assert.Equal(net.State.ToArray(), target.State.ToArray());
    }

    [Fact]
    public void A_reset_before_gru_is_refused_naming_the_layer()
    {
        using var stream = new MemoryStream();
        var e = Assert.Throws<NotSupportedException>(() => new ResetBeforeGruNet().SaveSafetensors(stream));
        Assert.Contains("Layer 0 (GRU)", e.Message);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void A_transposed_convolution_kernel_is_refused_and_changes_nothing()
    {
        var net = new TorchCnnNet();
        float[] before = net.Parameters.ToArray();
        var tensors = new List<SafetensorsTestFiles.Tensor>(SafetensorsTestFiles.Entries(File.ReadAllBytes(SafetensorsReference.Path("TorchCnn.safetensors"))));
        tensors[tensors.FindIndex(t => t.Name == "0.weight")] = tensors.Find(t => t.Name == "0.weight")! with { Shape = "[3,3,2,4]" };
        var e = Assert.Throws<WeightsFormatException>(() => net.LoadSafetensors(new MemoryStream(SafetensorsTestFiles.Build(tensors))));
        Assert.Equal(WeightsError.ShapeMismatch, e.Error);
        Assert.Contains("'0.weight' has shape [3, 3, 2, 4]; the network needs [4, 2, 3, 3]", e.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    private static SortedDictionary<string, string> Shapes(byte[] file)
    {
        var shapes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (SafetensorsTestFiles.Tensor tensor in SafetensorsTestFiles.Entries(file)) shapes[tensor.Name] = tensor.Shape.Replace(" ", "");
        return shapes;
    }

    private static float[] Floats(byte[] bytes)
    {
        var values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BitConverter.ToSingle(bytes, 4 * i);
        return values;
    }
}
