using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NeuralDsl.Embedding;

namespace NeuralDsl.Tests.Embedding;

/// <summary>
/// RTNeural's own recurrent models and Keras' outputs for them (RTNeural/README.md): read at run time and
/// compiled in, streamed through <c>Step</c> one value at a time as RTNeural runs them, every step's output
/// matches Keras'; a whole sample through <c>Predict</c> ends on the streamed output.
/// </summary>
public class RTNeuralStreamingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // Keras computed these in float32 and saved them as doubles; ours are float32 too, with another order of
    // sums and the vectorised tanh and sigmoid (error about 1e-7). The outputs are below 0.61 in magnitude,
    // where a float32 ulp is at most 6e-8: 1e-6 allows 16 ulps of rounding carried through 100 recurrent
    // steps (measured worst: 1.5e-7 for the LSTM, 1.2e-7 for the GRU), and would catch any wrong weight.
    private const double Tolerance = 1e-6;

    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Embedding", "RTNeural");

    private static float[] Csv(string name) =>
        File.ReadAllLines(Path.Combine(Directory, name)).Where(l => l.Length > 0).Select(l => (float)double.Parse(l, CultureInfo.InvariantCulture)).ToArray();

    private static double[] CsvDoubles(string name) =>
        File.ReadAllLines(Path.Combine(Directory, name)).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Streams <paramref name="x"/> one value per step from a reset; every step's single output.</summary>
    private static float[] Stream(Action<float[], float[]> step, float[] x)
    {
        var outputs = new float[x.Length];
        var one = new float[1];
        for (int t = 0; t < x.Length; t++)
        {
            step([x[t]], one);
            outputs[t] = one[0];
        }
        return outputs;
    }

    private double WorstAgainstKeras(float[] streamed, string expected, string what)
    {
        double[] y = CsvDoubles(expected);
        Assert.Equal(y.Length, streamed.Length);
        double worst = 0;
        for (int t = 0; t < y.Length; t++) worst = Math.Max(worst, Math.Abs(streamed[t] - y[t]));
        output.WriteLine($"{what}: worst absolute difference from Keras over {y.Length} steps {worst:E2}");
        Assert.True(worst < Tolerance, $"{what}: worst absolute difference {worst:E2}");
        return worst;
    }

    [Fact]
    public void Lstm_loaded_at_run_time_streams_Keras_outputs()
    {
        var net = new Lstm1dNet();
        net.LoadWeightsJson(Path.Combine(Directory, "lstm_1d.json"));
        float[] x = Csv("lstm_1d_x_python.csv");
        WorstAgainstKeras(Stream((s, o) => net.Step(s, o), x), "lstm_1d_y_python.csv", "LSTM loaded");
    }

    [Fact]
    public void Lstm_compiled_in_streams_the_loaded_outputs_bit_for_bit()
    {
        var loaded = new Lstm1dNet();
        loaded.LoadWeightsJson(Path.Combine(Directory, "lstm_1d.json"));
        var baked = new BakedLstm1dNet();
        Assert.True(loaded.Parameters.SequenceEqual(BakedLstm1dNet.Parameters));
        float[] x = Csv("lstm_1d_x_python.csv");
        float[] streamed = Stream((s, o) => baked.Step(s, o), x);
        WorstAgainstKeras(streamed, "lstm_1d_y_python.csv", "LSTM compiled in");
        Assert.Equal(Stream((s, o) => loaded.Step(s, o), x), streamed);
    }

    [Fact]
    public void Gru_loaded_and_compiled_in_stream_Keras_outputs()
    {
        var loaded = new Gru1dNet();
        loaded.LoadWeightsJson(Path.Combine(Directory, "gru_1d.json"));
        var baked = new BakedGru1dNet();
        Assert.True(loaded.Parameters.SequenceEqual(BakedGru1dNet.Parameters));
        float[] x = Csv("gru_1d_x_python.csv");
        float[] streamed = Stream((s, o) => loaded.Step(s, o), x);
        WorstAgainstKeras(streamed, "gru_1d_y_python.csv", "GRU loaded");
        // The compiled-in network is declared for 16-step samples; its stream has no length and goes on.
        Assert.Equal(streamed, Stream((s, o) => baked.Step(s, o), x));
    }

    [Fact]
    public void Predict_over_a_sample_ending_at_a_step_gives_that_step_s_streamed_output()
    {
        float[] x = Csv("lstm_1d_x_python.csv");
        var lstm = new BakedLstm1dNet();
        float[] streamed = Stream((s, o) => lstm.Step(s, o), x);
        var one = new float[1];
        lstm.Predict(x, one);
        Assert.Equal(streamed[^1], one[0]);

        // A 16-step sample from the start of the signal ends on the stream's step 15; the GRU network
        // loaded at run time declared for 100 steps ends on its step 99.
        float[] g = Csv("gru_1d_x_python.csv");
        var gru = new BakedGru1dNet();
        float[] gruStreamed = Stream((s, o) => gru.Step(s, o), g);
        gru.Predict(g.AsSpan(0, BakedGru1dNet.InputSize), one);
        Assert.Equal(gruStreamed[BakedGru1dNet.InputSteps - 1], one[0]);
        var loaded = new Gru1dNet();
        loaded.LoadWeightsJson(Path.Combine(Directory, "gru_1d.json"));
        loaded.Predict(g, one);
        Assert.Equal(gruStreamed[^1], one[0]);
    }

    [Fact]
    public void Baked_streaming_networks_allocate_nothing()
    {
        var lstm = new BakedLstm1dNet();
        var gru = new BakedGru1dNet();
        float[] x = Csv("lstm_1d_x_python.csv"), one = new float[1], step = [0.5f];
        var state = new float[BakedGru1dNet.StreamStateSize];
        Assert.Equal(0, Allocations.PerRound(() => lstm.Predict(x, one), calls: 200));
        Assert.Equal(0, Allocations.PerRound(() => lstm.PredictBatch(x, one), calls: 200));
        Assert.Equal(0, Allocations.PerRound(() => gru.Predict(x.AsSpan(0, BakedGru1dNet.InputSize), one)));
        Assert.Equal(0, Allocations.PerRound(() => lstm.Step(step, one)));
        Assert.Equal(0, Allocations.PerRound(() => gru.Step(step, state, one)));
    }

    [Fact]
    public void Export_gives_back_RTNeural_s_values_and_the_same_network()
    {
        var net = new Gru1dNet();
        net.LoadWeightsJson(Path.Combine(Directory, "gru_1d.json"));
        var stream = new MemoryStream();
        net.ExportRTNeuralJson(stream);
        var again = new Gru1dNet(seed: 3);
        stream.Position = 0;
        again.LoadWeightsJson(stream);
        Assert.True(net.Parameters.SequenceEqual(again.Parameters));

        // The file keeps RTNeural's layout: the same layer types, shapes' last entries and weight arrays as RTNeural's own.
        using var ours = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        using var theirs = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "gru_1d.json")));
        Assert.Equal(Flatten(theirs.RootElement), Flatten(ours.RootElement));
    }

    /// <summary>Every number of a model (weights and shapes, nulls as NaN) and every string, in document order, as floats read from their text.</summary>
    private static string[] Flatten(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).SelectMany(p => new[] { p.Name }.Concat(Flatten(p.Value))).ToArray(),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Flatten).ToArray(),
        System.Text.Json.JsonValueKind.Number => [element.GetSingle().ToString("R", CultureInfo.InvariantCulture)],
        _ => [element.ToString()],
    };

    [Fact]
    public void A_model_of_the_other_kind_is_refused_and_changes_nothing()
    {
        var net = new Gru1dNet(seed: 2);
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => net.LoadWeightsJson(Path.Combine(Directory, "lstm_1d.json")));
        Assert.Contains("Layer 0 (GRU, (100, 1) -> (8)): expected gru layer, the file has lstm layer", error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void A_time_distributed_dense_before_the_recurrent_layer_is_refused_with_the_reason()
    {
        string text = File.ReadAllText(Path.Combine(Directory, "lstm_1d.json"));
        string perStep = text.Replace("\"layers\": [", "\"layers\": [ { \"type\": \"time-distributed-dense\", \"activation\": \"\", \"shape\": [null, null, 1], \"weights\": [[[1.0]], [0.0]] },");
        Assert.NotEqual(text, perStep);
        var net = new Lstm1dNet(seed: 2);
        float[] before = net.Parameters.ToArray();
        var error = Assert.Throws<InvalidDataException>(() => net.LoadWeightsJson(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(perStep))));
        Assert.Contains("Layer 0 (LSTM, (100, 1) -> (8)): expected lstm layer, the file has dense layer before its recurrent layer, which RTNeural applies to each step on its own", error.Message);
        Assert.Equal(before, net.Parameters.ToArray());
    }

    [Fact]
    public void Committed_RTNeural_export_is_the_export_of_the_network()
    {
        var stream = new MemoryStream();
        ShapedJsonTests.Trained(new RTNeuralExportNet()).ExportRTNeuralJson(stream);
        string exported = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        string path = Path.Combine(Path.GetDirectoryName(ThisFile())!, "RTNeural", "export.rtneural.json");
        if (Environment.GetEnvironmentVariable("NEURALDSL_ACCEPT_SNAPSHOTS") == "1") File.WriteAllText(path, exported);
        Assert.Equal(exported, File.ReadAllText(path));
    }

    [Fact]
    public void RTNeural_streams_our_export_as_we_do()
    {
        // RTNeural's own loader and layers ran export.rtneural.json (tests/reference/make_rtneural_stream_reference.sh):
        // each line is one step's two inputs and RTNeural's two outputs.
        string[] lines = File.ReadAllLines(Path.Combine(Directory, "export.rtneural.outputs.csv")).Where(l => l.Length > 0).ToArray();
        Assert.Equal(RTNeuralExportNet.InputSteps, lines.Length);
        var source = ShapedJsonTests.Trained(new RTNeuralExportNet());
        var loaded = new RTNeuralExportNet(seed: 1);
        loaded.LoadWeightsJson(Path.Combine(Directory, "export.rtneural.json"));
        Assert.True(source.Parameters.SequenceEqual(loaded.Parameters));
        Assert.True(source.State.SequenceEqual(loaded.State));
        var baked = new BakedRTNeuralExportNet();
        var x = new float[lines.Length * 2];
        float[] ours = new float[2], fromBaked = new float[2];
        double worst = 0;
        for (int t = 0; t < lines.Length; t++)
        {
            double[] row = lines[t].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            x[2 * t] = (float)row[0];
            x[2 * t + 1] = (float)row[1];
            source.Step(x.AsSpan(2 * t, 2), ours);
            baked.Step(x.AsSpan(2 * t, 2), fromBaked);
            Assert.Equal(ours, fromBaked);
            for (int o = 0; o < 2; o++) worst = Math.Max(worst, Math.Abs(ours[o] - row[2 + o]));
        }
        output.WriteLine($"RTNeural (C++, STL backend) against our Step over {lines.Length} steps: worst absolute difference {worst:E2}");
        Assert.True(worst < Tolerance, $"worst absolute difference {worst:E2}");
        baked.Predict(x, fromBaked);
        Assert.Equal(ours, fromBaked);
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
