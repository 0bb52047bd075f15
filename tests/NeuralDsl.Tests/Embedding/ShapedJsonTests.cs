using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using NeuralDsl.Embedding;

namespace NeuralDsl.Tests.Embedding;

/// <summary>
/// NeuralDsl's weights JSON for image, sequence, recurrent and embedding layers: the committed files in
/// Shaped/ are the exports of the networks of ShapedJsonNetworks.cs as <see cref="Trained"/> makes them (set
/// <c>NEURALDSL_ACCEPT_SNAPSHOTS=1</c> to write them again); loading an export and compiling it in both give
/// the exported network's predictions bit for bit; a file for another geometry is refused by name.
/// </summary>
public class ShapedJsonTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Embedding", "Shaped");

    /// <summary>The network from its seed with every parameter moved (biases and gamma start at constants) and positive running statistics, as training would leave it.</summary>
    internal static T Trained<T>(T net) where T : INetwork
    {
        Span<float> p = net.Parameters;
        var random = new Random(11);
        for (int i = 0; i < p.Length; i++) p[i] += (random.NextSingle() - 0.5f) * 0.2f;
        Span<float> state = net.State;
        foreach (LayerInfo layer in net.Layers)
        {
            if (layer.Kind != LayerKind.BatchNormalization) continue;
            int channels = layer.OutputShape.Channels;
            for (int c = 0; c < channels; c++)
            {
                state[layer.StateOffset + c] = 0.05f * c - 0.1f;
                state[layer.StateOffset + channels + c] = 0.5f + 0.125f * c;
            }
        }
        return net;
    }

    private static INetwork Network(string name) => name switch
    {
        "image" => Trained(new ImageJsonNet()),
        "sequence" => Trained(new SequenceJsonNet()),
        "recurrent" => Trained(new RecurrentJsonNet()),
        "token" => Trained(new TokenJsonNet()),
        _ => Trained(new StreamJsonNet()),
    };

    private static INetwork Fresh(string name) => name switch
    {
        "image" => new ImageJsonNet(99),
        "sequence" => new SequenceJsonNet(99),
        "recurrent" => new RecurrentJsonNet(99),
        "token" => new TokenJsonNet(99),
        _ => new StreamJsonNet(99),
    };

    private static IPredictor Baked(string name) => name switch
    {
        "image" => new BakedImageJsonNet(),
        "sequence" => new BakedSequenceJsonNet(),
        "recurrent" => new BakedRecurrentJsonNet(),
        "token" => new BakedTokenJsonNet(),
        _ => new BakedStreamJsonNet(),
    };

    private static string Export(INetwork net)
    {
        var stream = new MemoryStream();
        net.ExportWeightsJson(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static float[] Inputs(string name, int count, int size)
    {
        var random = new Random(3);
        var x = new float[count * size];
        for (int i = 0; i < x.Length; i++) x[i] = name == "token" ? random.Next(10) : (float)(random.NextDouble() * 4 - 2);
        return x;
    }

    public static TheoryData<string> Names => new() { "image", "sequence", "recurrent", "token", "stream" };

    [Theory]
    [MemberData(nameof(Names))]
    public void Committed_file_is_the_export_of_the_network(string name)
    {
        string exported = Export(Network(name));
        string path = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Shaped", name + ".weights.json");
        if (Environment.GetEnvironmentVariable("NEURALDSL_ACCEPT_SNAPSHOTS") == "1") File.WriteAllText(path, exported);
        Assert.Equal(exported, File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Loaded_and_compiled_in_predict_as_the_exported_network_bit_for_bit(string name)
    {
        INetwork source = Network(name);
        INetwork loaded = Fresh(name);
        loaded.LoadWeightsJson(Path.Combine(Directory, name + ".weights.json"));
        Assert.True(source.Parameters.SequenceEqual(loaded.Parameters));
        Assert.True(source.State.SequenceEqual(loaded.State));
        IPredictor baked = Baked(name);
        Assert.Equal(source.Layers, baked.Layers);

        const int batch = 9;
        float[] x = Inputs(name, batch, source.InputSize);
        var expected = new float[batch * source.OutputSize];
        var fromLoaded = new float[expected.Length];
        var fromBaked = new float[expected.Length];
        source.PredictBatch(x, expected);
        loaded.PredictBatch(x, fromLoaded);
        baked.PredictBatch(x, fromBaked);
        Assert.Equal(Bits(expected), Bits(fromLoaded));
        Assert.Equal(Bits(expected), Bits(fromBaked));
        var one = new float[source.OutputSize];
        baked.Predict(x.AsSpan(0, source.InputSize), one);
        Assert.Equal(Bits(expected.AsSpan(0, source.OutputSize)), Bits(one));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Compiled_in_predict_allocates_nothing(string name)
    {
        IPredictor baked = Baked(name);
        float[] x = Inputs(name, 4, baked.InputSize);
        var one = new float[baked.OutputSize];
        var four = new float[4 * baked.OutputSize];
        Assert.Equal(0, Allocations.PerRound(() => baked.Predict(x.AsSpan(0, baked.InputSize), one), calls: 200));
        Assert.Equal(0, Allocations.PerRound(() => baked.PredictBatch(x, four), calls: 100));
    }

    [Fact]
    public void A_compiled_in_streaming_network_steps_as_the_exported_one()
    {
        var source = (StreamJsonNet)Network("stream");
        var baked = new BakedStreamJsonNet();
        float[] x = Inputs("stream", 1, StreamJsonNet.InputSize);
        float[] expected = new float[1], actual = new float[1];
        for (int t = 0; t < StreamJsonNet.InputSteps; t++)
        {
            source.Step(x.AsSpan(t * 2, 2), expected);
            baked.Step(x.AsSpan(t * 2, 2), actual);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[0]), BitConverter.SingleToInt32Bits(actual[0]));
        }
        baked.Predict(x, expected);
        Assert.Equal(expected[0], actual[0]);
        var state = new float[BakedStreamJsonNet.StreamStateSize];
        Assert.Equal(0, Allocations.PerRound(() => baked.Step(x.AsSpan(0, 2), state, actual)));
    }

    [Theory]
    [InlineData("recurrent", "\"resetAfter\": false", "\"resetAfter\": true", "Layer 2 (GRU, (6, 5) -> (6, 8)): the file's layer 2 has \"resetAfter\" true, the network false.")]
    [InlineData("image", "\"kernelSize\": 3", "\"kernelSize\": 5", "Layer 0 (Conv2D, (8, 8, 2) -> (8, 8, 4)): the file's layer 0 has \"kernelSize\" 5, the network 3.")]
    [InlineData("image", "\"padding\": \"Same\"", "\"padding\": \"Valid\"", "the file's layer 0 has \"padding\" \"Valid\", the network \"Same\".")]
    [InlineData("token", "\"bidirectional\": true", "\"bidirectional\": false", "Layer 1 (SimpleRNN, (7, 4) -> (7, 6)): the file's layer 1 has \"bidirectional\" false, the network true.")]
    public void A_file_for_another_geometry_is_refused_by_name_and_changes_nothing(string name, string written, string changed, string message)
    {
        string text = File.ReadAllText(Path.Combine(Directory, name + ".weights.json"));
        Assert.Contains(written, text);
        INetwork net = Fresh(name);
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => net.LoadWeightsJson(new MemoryStream(Encoding.UTF8.GetBytes(ReplaceFirst(text, written, changed)))));
        Assert.Contains(message, error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void Another_number_of_filters_or_gate_form_or_inputs_is_refused_by_name()
    {
        var narrow = new NarrowImageJsonNet();
        float[] before = narrow.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => narrow.LoadWeightsJson(Path.Combine(Directory, "image.weights.json")));
        Assert.Contains("Layer 0 (Conv2D, (8, 8, 2) -> (8, 8, 3)): the file's layer 0 is Conv2D, 128 -> 256, ReLU.", error.Message);
        Assert.Equal(before, narrow.Parameters.ToArray());

        error = Assert.Throws<InvalidDataException>(() => new ResetAfterRecurrentJsonNet().LoadWeightsJson(Path.Combine(Directory, "recurrent.weights.json")));
        Assert.Contains("Layer 2 (GRU, (6, 5) -> (6, 8)): the file's layer 2 has \"resetAfter\" false, the network true.", error.Message);

        error = Assert.Throws<InvalidDataException>(() => new SequenceJsonNet().LoadWeightsJson(Path.Combine(Directory, "image.weights.json")));
        Assert.Contains("The file is for 128 inputs, the network has 36.", error.Message);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        return text.Substring(0, at) + replacement + text.Substring(at + old.Length);
    }

    private static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < bits.Length; i++) bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
