using System;
using System.IO;
using System.Text.Json;
using NeuralDsl.Embedding;

namespace NeuralDsl.Tests.Embedding;

/// <summary>
/// An RTNeural JSON model written from PyTorch (tests/reference/make_rtneural_reference.py), compiled
/// into BakedTorchNet and loaded at run time into <see cref="TorchNet"/>: both reproduce PyTorch's outputs.
/// </summary>
public class RTNeuralTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Embedding");

    private static (float[] Inputs, float[] Outputs, int Count) Reference()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "rtneural.reference.json")));
        JsonElement inputs = document.RootElement.GetProperty("inputs");
        JsonElement outputs = document.RootElement.GetProperty("outputs");
        int count = inputs.GetArrayLength();
        var x = new float[count * TorchNet.InputSize];
        var y = new float[count * TorchNet.OutputSize];
        for (int n = 0; n < count; n++)
        {
            for (int i = 0; i < TorchNet.InputSize; i++) x[n * TorchNet.InputSize + i] = inputs[n][i].GetSingle();
            for (int o = 0; o < TorchNet.OutputSize; o++) y[n * TorchNet.OutputSize + o] = outputs[n][o].GetSingle();
        }
        return (x, y, count);
    }

    [Fact]
    public void Loaded_at_run_time_it_reproduces_PyTorch()
    {
        var net = new TorchNet();
        net.LoadWeightsJson(Path.Combine(Directory, "rtneural.model.json"));
        output.WriteLine($"loaded: worst relative error against PyTorch {AssertMatchesPyTorch(net):E2}");
    }

    [Fact]
    public void Compiled_in_it_reproduces_PyTorch_and_equals_the_loaded_network_bit_for_bit()
    {
        (float[] x, _, int count) = Reference();
        var loaded = new TorchNet();
        loaded.LoadWeightsJson(Path.Combine(Directory, "rtneural.model.json"));
        var baked = new BakedTorchNet();
        output.WriteLine($"compiled in: worst relative error against PyTorch {AssertMatchesPyTorch(baked):E2}");
        var expected = new float[count * TorchNet.OutputSize];
        var actual = new float[count * TorchNet.OutputSize];
        loaded.PredictBatch(x, expected);
        baked.PredictBatch(x, actual);
        Assert.Equal(expected, actual);
        Assert.True(loaded.Parameters.SequenceEqual(BakedTorchNet.Parameters));
        Assert.True(loaded.State.SequenceEqual(BakedTorchNet.State));
    }

    private static double AssertMatchesPyTorch(IPredictor net)
    {
        (float[] x, float[] y, int count) = Reference();
        var output = new float[TorchNet.OutputSize];
        double worst = 0;
        for (int n = 0; n < count; n++)
        {
            net.Predict(x.AsSpan(n * TorchNet.InputSize, TorchNet.InputSize), output);
            for (int o = 0; o < output.Length; o++)
                worst = Math.Max(worst, Math.Abs(output[o] - y[n * TorchNet.OutputSize + o]) / Math.Max(Math.Abs(y[n * TorchNet.OutputSize + o]), 1e-3));
        }
        Assert.True(worst < 1e-5, $"worst relative error {worst:E2}");
        return worst;
    }

    [Fact]
    public void A_model_for_another_architecture_is_refused_and_changes_nothing()
    {
        var net = new MixedNet(seed: 1);
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => net.LoadWeightsJson(Path.Combine(Directory, "rtneural.model.json")));
        Assert.Contains("the file is for 4 inputs, the network has 5", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void A_wrong_layer_size_names_the_layer_and_both_sizes_and_changes_nothing()
    {
        string text = File.ReadAllText(Path.Combine(Directory, "rtneural.model.json"));
        // The first dense layer's declared width, 8 -> 7 (its "shape" is [null, 8]).
        int shape = text.IndexOf("\"shape\": [\n    null,\n    8", StringComparison.Ordinal);
        Assert.True(shape > 0);
        string changed = text.Remove(shape, "\"shape\": [\n    null,\n    8".Length).Insert(shape, "\"shape\": [\n    null,\n    7");
        var net = new TorchNet();
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => net.LoadWeightsJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(changed))));
        Assert.Contains("Layer 0 (Dense, 4 -> 8, Tanh): the file's dense layer has 7 units, the network 8", error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Theory]
    [InlineData("{ \"format\": \"neuraldsl.weights\", \"version\": 1, \"inputs\": 4, ", "Not valid JSON")]
    [InlineData("{ \"format\": \"neuraldsl.weights\", \"version\": 3 }", "Version 3 is not supported")]
    [InlineData("[1, 2]", "Neither NeuralDsl weights JSON")]
    [InlineData("{ \"format\": \"neuraldsl.weights\", \"format\": \"neuraldsl.weights\" }", "Not valid JSON")]
    public void Bad_documents_are_refused_with_a_clear_message(string json, string message)
    {
        var net = new TorchNet();
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => net.LoadWeightsJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Contains(message, error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }
}
