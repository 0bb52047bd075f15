using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NeuralDsl.Embedding;

// Reading both formats into scratch arrays laid out like Parameters and State; the caller copies them
// in only when everything fitted. The checks are the ones the generator makes at compile time.
public static partial class WeightsJson
{
    private static void ReadNeuralDsl(INetwork network, JsonElement root, float[] p, float[] st)
    {
        JsonElement format = root.GetProperty("format");
        if (format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            throw new InvalidDataException($"\"format\" is {format.GetRawText()}, expected \"{FormatName}\".");
        int version = Integer(Property(root, "version", JsonValueKind.Number, "The file"), "\"version\"");
        if (version != FormatVersion) throw new InvalidDataException($"Version {version} is not supported: this NeuralDsl reads version {FormatVersion}.");
        int inputs = Integer(Property(root, "inputs", JsonValueKind.Number, "The file"), "\"inputs\"");
        if (inputs != network.InputSize) throw new InvalidDataException($"The file is for {inputs} inputs, the network has {network.InputSize}.");
        JsonElement layers = Property(root, "layers", JsonValueKind.Array, "The file");
        if (layers.GetArrayLength() != network.Layers.Count)
            throw new InvalidDataException($"The file has {layers.GetArrayLength()} layers, the network {network.Layers.Count}.");
        int i = 0;
        foreach (JsonElement entry in layers.EnumerateArray())
        {
            LayerInfo layer = network.Layers[i];
            string name = Describe(layer, i);
            string kind = Property(entry, "kind", JsonValueKind.String, name).GetString()!;
            int entryInputs = Integer(Property(entry, "inputs", JsonValueKind.Number, name), name + "'s \"inputs\"");
            int units = Integer(Property(entry, "units", JsonValueKind.Number, name), name + "'s \"units\"");
            string activation = Property(entry, "activation", JsonValueKind.String, name).GetString()!;
            if (kind != layer.Kind.ToString() || entryInputs != layer.Inputs || units != layer.Units || activation != layer.Activation.ToString())
                throw new InvalidDataException($"{name}: the file's layer {i} is {kind}, {entryInputs} -> {units}, {activation}.");
            foreach ((string member, string expected) in WeightsJsonLayout.Geometry(layer))
            {
                string found = entry.TryGetProperty(member, out JsonElement value) ? Canonical(value) : "missing";
                if (found != expected) throw new InvalidDataException($"{name}: the file's layer {i} has \"{member}\" {found}, the network {expected}.");
            }
            var arrays = WeightsJsonLayout.Arrays(layer);
            foreach (WeightsJsonArray array in arrays)
            {
                Span<float> target = (array.InState ? st : p).AsSpan(array.Offset, array.Count);
                if (!entry.TryGetProperty(array.Name, out JsonElement values))
                    throw new InvalidDataException($"{name} has {Plain(array.Name)}, but the file has none for it.");
                if (array.Rows == 0) Vector(values, array.Columns, target, $"{name}'s {Plain(array.Name)}");
                else Matrix(values, array.Rows, array.Columns, target, $"{name}'s {Plain(array.Name)}");
            }
            foreach (JsonProperty member in entry.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Array && !arrays.Exists(a => a.Name == member.Name) && !WeightsJsonLayout.Geometry(layer).Exists(g => g.Name == member.Name))
                    throw new InvalidDataException(member.Name == "biases" && layer.Kind is LayerKind.Dense or LayerKind.Conv1D or LayerKind.Conv2D
                        ? $"{name} has no biases (UseBias = false), but the file has some."
                        : $"{name} has no {Plain(member.Name)}, but the file has some.");
            }
            if (layer.Kind == LayerKind.BatchNormalization) CheckVariances(layer, name, st);
            i++;
        }
    }

    /// <summary>A member's name in messages: "recurrentKernel" is "recurrent kernel", "slopes" "PReLU slopes", "mean" "running mean".</summary>
    private static string Plain(string member) => member switch
    {
        "slopes" => "PReLU slopes",
        "mean" => "running mean",
        "variance" => "running variance",
        _ => string.Concat(member.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString())),
    };

    /// <summary>A geometry member's value written as the writer writes it, to compare with the network's.</summary>
    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => "\"" + value.GetString() + "\"",
        _ => value.GetRawText(),
    };

    private static void CheckVariances(LayerInfo layer, string name, float[] st)
    {
        int channels = layer.OutputShape.Channels;
        for (int u = 0; u < channels; u++)
        {
            if (st[layer.StateOffset + channels + u] < 0f) throw new InvalidDataException($"{name}: running variance {u} is negative.");
        }
    }

    private static void ReadBatchNormalization(LayerInfo layer, string name, JsonElement gamma, JsonElement beta, JsonElement mean, JsonElement variance, float[] p, float[] st)
    {
        Vector(gamma, layer.Units, p.AsSpan(layer.WeightOffset), name + "'s gamma");
        Vector(beta, layer.Units, p.AsSpan(layer.BiasOffset), name + "'s beta");
        Vector(mean, layer.Units, st.AsSpan(layer.StateOffset), name + "'s running mean");
        Vector(variance, layer.Units, st.AsSpan(layer.StateOffset + layer.Units), name + "'s running variance");
        for (int u = 0; u < layer.Units; u++)
        {
            if (st[layer.StateOffset + layer.Units + u] < 0f) throw new InvalidDataException($"{name}: running variance {u} is negative.");
        }
    }

    // RTNeural: the network and the file are both unfolded into a chain of operations (RTNeuralChain; the
    // file's activations folded into a layer become a step of their own), then compared step by step.
    private static void ReadRTNeural(INetwork network, JsonElement root, float[] p, float[] st)
    {
        List<RTNeuralStep> declared = RTNeuralChain.Unfold(network.Layers, out string? why) ?? throw new InvalidDataException(why);
        int inputs = LastDimension(Property(root, "in_shape", JsonValueKind.Array, "The model"), "\"in_shape\"");
        int expected = RTNeuralChain.InputWidth(network.Layers, network.InputSize);
        if (inputs != expected)
            throw new InvalidDataException(RTNeuralChain.IsRecurrent(network.Layers)
                ? $"The file is for {inputs} inputs per step, the network has {expected} features per step."
                : $"The file is for {inputs} inputs, the network has {expected}.");
        var stored = new List<(string Kind, string Activation, JsonElement Layer)>();
        int index = 0;
        foreach (JsonElement entry in Property(root, "layers", JsonValueKind.Array, "The model").EnumerateArray())
        {
            string type = Property(entry, "type", JsonValueKind.String, $"Model layer {index}").GetString()!;
            if (type == "time-distributed-dense") type = "dense";
            if (type is "conv1d" or "conv2d" or "batchnorm2d")
                throw new InvalidDataException($"Model layer {index}: RTNeural's {type} works on the stream of steps with state between calls (a causal convolution); NeuralDsl has no counterpart of it.");
            if (type is not ("dense" or "activation" or "prelu" or "batchnorm" or "lstm" or "gru"))
                throw new InvalidDataException($"Model layer {index}: NeuralDsl has no counterpart of RTNeural layer type \"{type}\" (it reads dense, activation, prelu, batchnorm, lstm and gru).");
            string activation = entry.TryGetProperty("activation", out JsonElement a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
            if (type is "lstm" or "gru")
            {
                // RTNeural computes its recurrent layers with tanh whatever the file says: a Keras layer saved with another activation computed something else.
                if (activation is not ("" or "tanh"))
                    throw new InvalidDataException($"Model layer {index}: the {type} layer's activation is \"{activation}\"; RTNeural and NeuralDsl compute recurrent layers with tanh only.");
                activation = "";
            }
            if (type != "activation") stored.Add((type, "", entry));
            if (activation is not ("" or "linear")) stored.Add(("activation", activation, entry));
            index++;
        }
        for (int s = 0; s < declared.Count || s < stored.Count; s++)
        {
            if (s >= declared.Count) throw new InvalidDataException($"The file has {Step(stored[s].Kind, stored[s].Activation)} after the network's last layer.");
            LayerInfo layer = network.Layers[declared[s].Layer];
            string name = Describe(layer, declared[s].Layer);
            if (s >= stored.Count) throw new InvalidDataException($"{name}: the file ends before its {Step(declared[s].Kind, declared[s].Activation)}.");
            JsonElement entry = stored[s].Layer;
            if (declared[s].Kind != stored[s].Kind || declared[s].Activation != stored[s].Activation)
                throw new InvalidDataException($"{name}: expected {Step(declared[s].Kind, declared[s].Activation)}, the file has {Step(stored[s].Kind, stored[s].Activation)}"
                    + (declared[s].Kind is "lstm" or "gru" && stored[s].Kind is not ("lstm" or "gru")
                        ? " before its recurrent layer, which RTNeural applies to each step on its own (a time-distributed layer); a network has no such layer before a recurrent one."
                        : "."));
            int units = LastDimension(Property(entry, "shape", JsonValueKind.Array, name), name + "'s \"shape\"");
            int width = layer.IsRecurrent ? layer.RecurrentUnits : layer.Units;
            if (units != width) throw new InvalidDataException($"{name}: the file's {stored[s].Kind} layer has {units} units, the network {width}.");
            if (stored[s].Kind == "activation") continue;
            JsonElement weights = Property(entry, "weights", JsonValueKind.Array, name);
            int arrays = weights.GetArrayLength();
            switch (stored[s].Kind)
            {
                case "dense":
                    if (arrays != 2) throw new InvalidDataException($"{name}: the file's dense layer has {arrays} weight arrays, expected 2 (kernel, bias).");
                    Matrix(weights[0], layer.Inputs, layer.Units, p.AsSpan(layer.WeightOffset), name + "'s kernel");
                    var bias = new float[layer.Units];
                    Vector(weights[1], layer.Units, bias, name + "'s bias");
                    if (layer.UseBias) bias.CopyTo(p.AsSpan(layer.BiasOffset));
                    else if (Array.Exists(bias, b => b != 0f)) throw new InvalidDataException($"{name} has no biases (UseBias = false), but the file's are not all zero.");
                    break;
                case "lstm":
                case "gru":
                    ReadRecurrent(layer, name, weights, p);
                    break;
                case "prelu":
                    JsonElement alpha = arrays == 1 ? weights[0] : throw new InvalidDataException($"{name}: the file's prelu layer has {arrays} weight arrays, expected 1.");
                    if (alpha.ValueKind == JsonValueKind.Array && alpha.GetArrayLength() == 1 && alpha[0].ValueKind == JsonValueKind.Array) alpha = alpha[0];
                    Vector(alpha, layer.Units, p.AsSpan(layer.SlopeOffset), name + "'s slopes");
                    break;
                default:
                    float epsilon = Finite(Property(entry, "epsilon", JsonValueKind.Number, name), name + "'s epsilon");
                    if (epsilon != layer.Epsilon) throw new InvalidDataException($"{name}: the file's epsilon is {epsilon}, the network's {layer.Epsilon}.");
                    if (arrays == 4)
                    {
                        ReadBatchNormalization(layer, name, weights[0], weights[1], weights[2], weights[3], p, st);
                    }
                    else if (arrays == 2)
                    {
                        p.AsSpan(layer.WeightOffset, layer.Units).Fill(1f);
                        p.AsSpan(layer.BiasOffset, layer.Units).Clear();
                        Vector(weights[0], layer.Units, st.AsSpan(layer.StateOffset), name + "'s running mean");
                        Vector(weights[1], layer.Units, st.AsSpan(layer.StateOffset + layer.Units), name + "'s running variance");
                    }
                    else
                    {
                        throw new InvalidDataException($"{name}: the file's batchnorm layer has {arrays} weight arrays, expected 4 or 2.");
                    }
                    break;
            }
        }
    }

    /// <summary>An RTNeural lstm or gru: Keras' kernel [features][gates x units], recurrent kernel [units][gates x units], and bias ([4 x units]; a gru's two rows).</summary>
    private static void ReadRecurrent(LayerInfo layer, string name, JsonElement weights, float[] p)
    {
        int arrays = weights.GetArrayLength();
        if (arrays != 3) throw new InvalidDataException($"{name}: the file's {Kind(layer)} layer has {arrays} weight arrays, expected 3 (kernel, recurrent kernel, bias).");
        int units = layer.RecurrentUnits, columns = layer.Gates * units;
        Matrix(weights[0], layer.InputShape.Channels, columns, p.AsSpan(layer.WeightOffset), name + "'s kernel");
        Matrix(weights[1], units, columns, p.AsSpan(layer.RecurrentKernelOffset), name + "'s recurrent kernel");
        if (layer.Kind == LayerKind.LSTM)
        {
            Vector(weights[2], columns, p.AsSpan(layer.BiasOffset), name + "'s bias");
            return;
        }
        JsonElement bias = weights[2];
        if (bias.ValueKind == JsonValueKind.Array && bias.GetArrayLength() > 0 && bias[0].ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{name}: the file's gru bias is one row (a Keras GRU with reset_after=False); RTNeural's gru reads two rows, the input bias then the recurrent bias.");
        if (bias.ValueKind != JsonValueKind.Array || bias.GetArrayLength() != 2)
            throw new InvalidDataException($"{name}: the file's gru bias must be two rows of {columns} values (input bias, recurrent bias).");
        Matrix(bias, 2, columns, p.AsSpan(layer.BiasOffset), name + "'s bias");
    }

    private static string Kind(LayerInfo layer) => layer.Kind == LayerKind.LSTM ? "lstm" : "gru";

    private static string Step(string kind, string activation) => kind == "activation" ? $"activation \"{activation}\"" : kind + " layer";

    private static int LastDimension(JsonElement shape, string what)
    {
        int length = shape.GetArrayLength();
        if (length == 0) throw new InvalidDataException($"{what} is empty.");
        return Integer(shape[length - 1], "The last entry of " + what);
    }
}
