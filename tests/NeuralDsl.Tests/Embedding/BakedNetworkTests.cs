using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using NeuralDsl.Embedding;

namespace NeuralDsl.Tests.Embedding;

/// <summary>
/// A network with compiled-in weights predicts exactly as the network they were exported from:
/// mixed.weights.json is the export of <see cref="MixedNet"/> as <see cref="Trained"/> makes it
/// (set <c>NEURALDSL_ACCEPT_SNAPSHOTS=1</c> to write it again), and <see cref="BakedMixedNet"/> compiles it in.
/// </summary>
public class BakedNetworkTests
{
    /// <summary>MixedNet from its seed, with PReLU slopes and running statistics moved off their initial values, as training would.</summary>
    internal static MixedNet Trained()
    {
        var net = new MixedNet(seed: 7);
        Span<float> p = net.Parameters;
        // Biases, gamma and beta start at constants: move every parameter (a seeded Random is the same on every runtime).
        var random = new Random(5);
        for (int i = 0; i < p.Length; i++) p[i] += (random.NextSingle() - 0.5f) * 0.2f;
        for (int u = 0; u < MixedNet.Layer4Units; u++) p[MixedNet.Layer4SlopeOffset + u] = 0.05f + 0.07f * u;
        Span<float> state = net.State;
        for (int u = 0; u < MixedNet.Layer1Units; u++)
        {
            state[u] = 0.1f * u - 0.3f;                         // running mean
            state[MixedNet.Layer1Units + u] = 0.5f + 0.25f * u;  // running variance
        }
        return net;
    }

    [Fact]
    public void Committed_file_is_the_export_of_the_network()
    {
        var stream = new MemoryStream();
        Trained().ExportWeightsJson(stream);
        string exported = Encoding.UTF8.GetString(stream.ToArray());
        string path = Path.Combine(Path.GetDirectoryName(ThisFile())!, "mixed.weights.json");
        if (Environment.GetEnvironmentVariable("NEURALDSL_ACCEPT_SNAPSHOTS") == "1") File.WriteAllText(path, exported);
        Assert.Equal(exported, File.ReadAllText(path));
    }

    [Fact]
    public void Baked_parameters_are_the_exported_ones_bit_for_bit()
    {
        MixedNet net = Trained();
        Assert.Equal(MixedNet.ParameterCount, BakedMixedNet.ParameterCount);
        Assert.True(net.Parameters.SequenceEqual(BakedMixedNet.Parameters));
        Assert.True(net.State.SequenceEqual(BakedMixedNet.State));
    }

    [Fact]
    public void Baked_predictions_equal_the_exported_network_bit_for_bit()
    {
        MixedNet net = Trained();
        IPredictor baked = new BakedMixedNet();
        var random = new Random(3);
        const int batch = 37;
        var inputs = new float[batch * MixedNet.InputSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 6 - 3);
        var expected = new float[batch * MixedNet.OutputSize];
        var actual = new float[batch * MixedNet.OutputSize];

        net.PredictBatch(inputs, expected);
        baked.PredictBatch(inputs, actual);
        Assert.Equal(Bits(expected), Bits(actual));

        for (int n = 0; n < batch; n++)
        {
            ReadOnlySpan<float> x = inputs.AsSpan(n * MixedNet.InputSize, MixedNet.InputSize);
            net.Predict(x, expected.AsSpan(0, MixedNet.OutputSize));
            baked.Predict(x, actual.AsSpan(0, MixedNet.OutputSize));
            Assert.Equal(Bits(expected.AsSpan(0, MixedNet.OutputSize)), Bits(actual.AsSpan(0, MixedNet.OutputSize)));
        }
    }

    [Fact]
    public void Every_network_is_a_predictor_and_describes_the_same_layers()
    {
        IPredictor trained = Trained();
        IPredictor baked = new BakedMixedNet();
        Assert.Equal(trained.InputSize, baked.InputSize);
        Assert.Equal(trained.OutputSize, baked.OutputSize);
        Assert.Equal(trained.ParameterCount, baked.ParameterCount);
        Assert.Equal(trained.Layers, baked.Layers);
    }

    [Fact]
    public void Baked_predict_allocates_nothing()
    {
        var baked = new BakedMixedNet();
        float[] input = [0.5f, -1f, 2f, 0.25f, -0.75f];
        var output = new float[BakedMixedNet.OutputSize];
        var inputs = new float[16 * BakedMixedNet.InputSize];
        var outputs = new float[16 * BakedMixedNet.OutputSize];
        Assert.Equal(0, Allocations.PerRound(() => baked.Predict(input, output)));
        Assert.Equal(0, Allocations.PerRound(() => baked.PredictBatch(inputs, outputs)));
        // Reading the compiled-in span allocates nothing either: it is a view of the assembly image.
        Assert.Equal(0, Allocations.PerRound(() => _ = BakedMixedNet.Parameters[BakedMixedNet.ParameterCount - 1]));
    }

    [Fact]
    public void Compiled_in_data_is_a_span_over_the_assembly_image()
    {
        // The getter is ldtoken <field with RVA data>; call RuntimeHelpers.CreateSpan<float>; ret: no
        // array is created and nothing is copied, on every call and at type initialisation (whose only
        // work, as in every generated network, is the Layers table).
        foreach (string name in new[] { "Parameters", "State" })
        {
            System.Reflection.MethodInfo getter = typeof(BakedMixedNet).GetProperty(name)!.GetMethod!;
            byte[] il = getter.GetMethodBody()!.GetILAsByteArray()!;
            Assert.Equal(11, il.Length);
            Assert.Equal(0xD0, il[0]); // ldtoken
            Assert.Equal(0x28, il[5]); // call
            System.Reflection.MethodBase called = getter.Module.ResolveMethod(BitConverter.ToInt32(il, 6))!;
            Assert.Equal("System.Runtime.CompilerServices.RuntimeHelpers.CreateSpan", called.DeclaringType!.FullName + "." + called.Name);
            Assert.Equal(0x2A, il[10]); // ret
        }
    }

    [Fact]
    public void Loading_the_export_gives_back_the_same_bits()
    {
        MixedNet source = Trained();
        var stream = new MemoryStream();
        source.ExportWeightsJson(stream);
        var loaded = new MixedNet(seed: 99);
        stream.Position = 0;
        loaded.LoadWeightsJson(stream);
        Assert.True(source.Parameters.SequenceEqual(loaded.Parameters));
        Assert.True(source.State.SequenceEqual(loaded.State));
    }

    private static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < bits.Length; i++) bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
