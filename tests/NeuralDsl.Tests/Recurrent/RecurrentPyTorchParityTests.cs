using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>
/// The recurrent kernels against PyTorch's nn.RNN, nn.LSTM, nn.GRU and bidirectional modules
/// (Reference/recurrent.json, written by tests/reference/make_recurrent_reference.py, which converts
/// PyTorch's parameters and gradients to Keras' layout): outputs, the losses <c>sum(w y)</c> over the
/// whole sequence and over the last output, and their gradients with respect to every parameter and
/// the input, within 1e-5 relative. PyTorch's GRU is Keras' reset_after GRU.
/// </summary>
public class RecurrentPyTorchParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    private static readonly Lazy<Dictionary<string, JsonElement>> File = new(() =>
    {
        using JsonDocument document = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reference", "recurrent.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    });

    public static TheoryData<string, bool> Names()
    {
        var data = new TheoryData<string, bool>();
        foreach (string name in new[] { "rnn", "lstm", "lstm_wide", "gru", "gru_wide", "bidirectional_lstm", "bidirectional_gru" })
        {
            data.Add(name, true);
            data.Add(name, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Outputs_loss_and_gradients_match_pytorch(string name, bool returnSequences)
    {
        JsonElement json = File.Value[name];
        var kind = json.GetProperty("kind").GetString() switch { "lstm" => RecurrentKind.Lstm, "gru" => RecurrentKind.Gru, _ => RecurrentKind.SimpleRnn };
        var c = new RecurrentCase(kind, json.GetProperty("steps").GetInt32(), json.GetProperty("inputs").GetInt32(), json.GetProperty("units").GetInt32(),
            ResetAfter: kind == RecurrentKind.Gru, Bidirectional: json.GetProperty("bidirectional").GetBoolean());
        string mode = returnSequences ? "sequence" : "last";
        float[] x = Floats(json, "x"), p = Floats(json, "parameters"), w = Floats(json, "w_" + mode);
        Assert.Equal(c.ParameterCount, p.Length);
        int batch = x.Length / c.InputSize, outputSize = c.OutputSize(returnSequences);

        float[] y = new float[batch * outputSize], dx = new float[x.Length], gradients = new float[c.ParameterCount];
        float[] cache = new float[c.CacheSize], scratch = new float[c.BackwardScratchSize];
        double loss = 0;
        for (int n = 0; n < batch; n++)
        {
            float[] sample = x.AsSpan(n * c.InputSize, c.InputSize).ToArray(), yn = new float[outputSize], dxn = new float[c.InputSize];
            c.Forward(sample, p, cache, yn, returnSequences);
            float[] wn = w.AsSpan(n * outputSize, outputSize).ToArray();
            for (int k = 0; k < outputSize; k++) loss += (double)yn[k] * wn[k];
            c.Backward(sample, p, cache, wn, returnSequences, gradients, dxn, scratch); // adds: the batch's sum
            yn.CopyTo(y, n * outputSize);
            dxn.CopyTo(dx, n * c.InputSize);
        }

        double expectedLoss = json.GetProperty("loss_" + mode).GetDouble();
        Assert.True(Math.Abs(loss - expectedLoss) <= Tolerance * Math.Max(Math.Abs(expectedLoss), 1), $"{name} {mode}: loss {loss}, PyTorch {expectedLoss}");
        double outputs = Compare($"{name} {mode} output", y, Doubles(json, "output_" + mode));
        double parameters = Compare($"{name} {mode} parameter gradient", gradients, Doubles(json, "gradients_" + mode));
        double inputs = Compare($"{name} {mode} input gradient", dx, Doubles(json, "dx_" + mode));
        output.WriteLine($"{c} {mode}: max relative error output {outputs:E2}, parameter gradient {parameters:E2}, input gradient {inputs:E2}");
    }

    private static readonly Lazy<Dictionary<string, JsonElement>> Networks = new(() =>
    {
        using JsonDocument document = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reference", "recurrent.json")));
        return document.RootElement.GetProperty("networks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    });

    private static readonly Dictionary<string, Func<ITrainableNetwork>> Declared = new()
    {
        ["net_lstm_adam"] = () => new PtNetLstmAdam(),
        ["net_bigru_sgd"] = () => new PtNetBiGruSgd(),
        ["net_rnn_adam"] = () => new PtNetRnnAdam(),
    };

    public static TheoryData<string> NetworkNames() => new(Declared.Keys);

    /// <summary>
    /// A whole generated network (recurrent layer, then Dense) against PyTorch's same network trained the same
    /// way: the first step's outputs, loss and gradient, each step's loss, and the parameters after three
    /// optimiser steps, all within the kernels' tolerance.
    /// </summary>
    [Theory]
    [MemberData(nameof(NetworkNames))]
    public void Generated_networks_train_like_pytorch(string name)
    {
        JsonElement json = Networks.Value[name];
        ITrainableNetwork net = Declared[name]();
        float[] x = Floats(json, "x"), targets = Floats(json, "targets"), initial = Floats(json, "parameters");
        Assert.Equal(json.GetProperty("steps").GetInt32() * json.GetProperty("inputs").GetInt32(), net.InputSize);
        Assert.Equal(initial.Length, net.ParameterCount);
        initial.CopyTo(net.Parameters);
        int batch = json.GetProperty("batch").GetInt32();
        float[] outputs = new float[batch * net.OutputSize];
        net.PredictBatch(x, outputs);
        double outputError = Compare($"{name} outputs", outputs, Doubles(json, "outputs_first"));
        double[] losses = Doubles(json, "losses");
        double gradientError = 0;
        for (int step = 0; step < losses.Length; step++)
        {
            float loss = net.TrainStep(x, targets);
            Assert.True(Math.Abs(loss - losses[step]) <= Tolerance * Math.Max(Math.Abs(losses[step]), 1), $"{name} step {step}: loss {loss}, PyTorch {losses[step]}");
            if (step == 0) gradientError = Compare($"{name} gradient", net.Gradients.ToArray(), Doubles(json, "gradients_first"));
        }
        double parameterError = Compare($"{name} parameters after {losses.Length} steps", net.Parameters.ToArray(), Doubles(json, "parameters_after"));
        output.WriteLine($"{name}: max relative error outputs {outputError:E2}, gradient {gradientError:E2}, parameters after {losses.Length} steps {parameterError:E2}");
    }

    /// <summary>
    /// Each entry within <see cref="Tolerance"/> of PyTorch's, relative to max(|expected|, a tenth of the
    /// largest |expected|): the rule of <see cref="Reference.ParityComparison"/>, whose remarks say why
    /// (near zero, float rounding of terms of the quantity's scale dominates). Returns the worst.
    /// </summary>
    private static double Compare(string label, float[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double floor = Math.Max(Reference.ParityComparison.Floor * expected.Max(Math.Abs), 1e-12), worst = 0;
        for (int k = 0; k < actual.Length; k++)
        {
            double error = Math.Abs(actual[k] - expected[k]) / Math.Max(Math.Abs(expected[k]), floor);
            worst = Math.Max(worst, error);
            Assert.True(error <= Tolerance, $"{label} {k}: {actual[k]}, PyTorch {expected[k]} (relative error {error:E2})");
        }
        return worst;
    }

    private static float[] Floats(JsonElement json, string name) => json.GetProperty(name).EnumerateArray().Select(v => v.GetSingle()).ToArray();

    private static double[] Doubles(JsonElement json, string name) => json.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
