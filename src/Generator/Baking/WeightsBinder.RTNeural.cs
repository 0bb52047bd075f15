using System.Collections.Generic;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Baking;

// RTNeural describes a network as a chain of operations: a dense layer (with its activation folded in
// or as a separate "activation" layer), "prelu", "batchnorm", "lstm", "gru". Both the declaration and the file are
// unfolded into that chain (a declared Dense(32, ReLU) is dense then relu; Dropout is nothing at
// inference) and compared step by step, so either way of writing an activation matches.
internal static partial class WeightsBinder
{
    private readonly record struct Step(string Kind, string Activation, LayerModel? Layer, WeightsLayer? Entry);

    private static WeightsProblem? BindRTNeural(NetworkModel model, WeightsFile file, float[] parameters, float[] state)
    {
        int last = LastRecurrent(model);
        var declared = new List<Step>();
        foreach (LayerModel layer in model.Layers)
        {
            string? why = layer.Index <= last ? StreamingLayer(layer, layer.Index == last) : VectorLayer(layer);
            if (why is not null) return Mismatch(why);
            if (layer.Kind == LayerKind.Dense) declared.Add(new Step("dense", "", layer, null));
            if (layer.Kind == LayerKind.BatchNormalization) declared.Add(new Step("batchnorm", "", layer, null));
            if (layer.Kind == LayerKind.LSTM) declared.Add(new Step("lstm", "", layer, null));
            if (layer.Kind == LayerKind.GRU) declared.Add(new Step("gru", "", layer, null));
            if (layer.IsRecurrent) continue; // tanh and sigmoid are part of RTNeural's lstm and gru
            if (layer.Activation == ActivationKind.PReLU)
            {
                declared.Add(new Step("prelu", "", layer, null));
            }
            else if (layer.Activation != ActivationKind.Linear)
            {
                string? name = RTNeuralName(layer);
                if (name is null)
                    return Mismatch($"{Describe(layer)}: RTNeural has no {layer.Activation}{(layer.Activation == ActivationKind.ELU ? " with Alpha other than 1" : "")} (its activations are tanh, relu, sigmoid, softmax, elu and prelu)");
                declared.Add(new Step("activation", name, layer, null));
            }
        }

        int inputs = last >= 0 ? model.Input.Channels : model.Inputs;
        if (file.Inputs != inputs)
            return Mismatch(last >= 0
                ? $"the file is for {Int(file.Inputs)} inputs per step, the declaration has {Int(inputs)} features per step"
                : $"the file is for {Int(file.Inputs)} inputs, the declaration has Inputs = {Int(inputs)}");

        var stored = new List<Step>();
        foreach (WeightsLayer entry in file.Layers)
        {
            if (entry.Kind != "activation") stored.Add(new Step(entry.Kind, "", null, entry));
            // The reader let a recurrent layer's activation be only tanh, which RTNeural's lstm and gru always apply.
            if (entry.Kind is not ("lstm" or "gru") && entry.Activation is not ("" or "linear")) stored.Add(new Step("activation", entry.Activation, null, entry));
        }

        for (int i = 0; i < declared.Count || i < stored.Count; i++)
        {
            if (i >= stored.Count) return Mismatch($"{Describe(declared[i].Layer!)}: the file ends before its {Name(declared[i])}");
            WeightsLayer entry = stored[i].Entry!;
            if (i >= declared.Count) return Mismatch($"the file has a {Name(stored[i])} after the declaration's last layer", entry);
            LayerModel layer = declared[i].Layer!;
            if (declared[i].Kind != stored[i].Kind || declared[i].Activation != stored[i].Activation)
                return Mismatch($"{Describe(layer)}: expected {Name(declared[i])}, the file has {Name(stored[i])}{PerStep(declared[i].Kind, stored[i].Kind)}", entry);
            int units = layer.IsRecurrent ? layer.Recurrence.Units : layer.Units;
            if (entry.Units != units)
                return Mismatch($"{Describe(layer)}: the file's {entry.Kind} layer has {Int(entry.Units)} units, the declaration {Int(units)}", entry);
            WeightsProblem? problem = declared[i].Kind switch
            {
                "dense" => CopyRTNeuralDense(layer, entry, parameters),
                "lstm" or "gru" => CopyRTNeuralRecurrent(layer, entry, parameters),
                "batchnorm" => CopyBatchNormalization(layer, entry, parameters, state) ?? CheckEpsilon(layer, entry),
                "prelu" => CopyVector(layer, entry, "PReLU slopes", entry.Slopes, parameters, layer.SlopeOffset),
                _ => null,
            };
            if (problem is not null) return problem;
        }
        return null;
    }

    private static WeightsProblem? CopyRTNeuralRecurrent(LayerModel layer, WeightsLayer entry, float[] parameters)
    {
        // The reader checked the kernels' columns and the bias rows against the file's own units.
        if (entry.Inputs != layer.InputShape.Channels)
            return Mismatch($"{Describe(layer)}: the file's {entry.Kind} kernel has {Int(entry.Inputs)} input rows, the declaration {Int(layer.InputShape.Channels)} features per step", entry);
        Copy(entry.Weights, parameters, layer.WeightOffset);
        Copy(entry.RecurrentWeights, parameters, layer.WeightOffset + layer.WeightCount);
        Copy(entry.Biases, parameters, layer.BiasOffset);
        return null;
    }

    private static int LastRecurrent(NetworkModel model)
    {
        int last = -1;
        foreach (LayerModel layer in model.Layers)
        {
            if (layer.IsRecurrent) last = layer.Index;
        }
        return last;
    }

    // RTNeural runs a model one step at a time, its lstm and gru layers keeping their state between calls:
    // a declaration computes the same when it streams too (the runtime's RTNeuralChain applies the same rules).
    private static string? StreamingLayer(LayerModel layer, bool isLast)
    {
        if (layer.Kind == LayerKind.Dropout) return null;
        if (layer.Kind == LayerKind.SimpleRNN) return $"{Describe(layer)}: RTNeural has no SimpleRNN (its recurrent layers are lstm and gru)";
        if (!layer.IsRecurrent)
            return $"{Describe(layer)}: before a recurrent layer RTNeural applies its layers to each step on its own; a {layer.Kind} there has no RTNeural counterpart (only LSTM, GRU and Dropout may come before the last recurrent layer)";
        if (layer.Recurrence.Bidirectional) return $"{Describe(layer)} is bidirectional: RTNeural runs a stream forward only, one step at a time";
        if (layer.Kind == LayerKind.GRU && !layer.Recurrence.ResetAfter)
            return $"{Describe(layer)} has ResetAfter = false: RTNeural's gru applies the reset gate after the recurrent product (Keras reset_after=True, two bias rows)";
        if (isLast == layer.Recurrence.ReturnSequences)
            return isLast
                ? $"{Describe(layer)} returns every step (ReturnSequences = true): RTNeural gives one output per step, which a declaration computes with the last recurrent layer returning its last output"
                : $"{Describe(layer)} returns its last output only: a recurrent layer that feeds another must return every step (ReturnSequences = true), as RTNeural's streaming layers do";
        return null;
    }

    private static string? VectorLayer(LayerModel layer)
    {
        if (layer.IsConvolution)
            return $"{Describe(layer)}: RTNeural's conv1d and conv2d are causal convolutions over the stream of steps, with state between calls; a declared {layer.Kind} slides over a declared sequence or image, so neither reads the other's weights";
        if (!layer.InputShape.IsVector || !layer.OutputShape.IsVector || layer.Kind == LayerKind.Embedding)
            return $"{Describe(layer)} works on an image or a sequence {layer.InputShape}, which RTNeural's JSON has no counterpart of (it describes dense, batchnorm, prelu, activation, lstm and gru layers)";
        return null;
    }

    private static WeightsProblem? CopyRTNeuralDense(LayerModel layer, WeightsLayer entry, float[] parameters)
    {
        if (entry.Inputs != layer.Inputs)
            return Mismatch($"{Describe(layer)}: the file's dense kernel has {Int(entry.Inputs)} input rows, the declaration {Int(layer.Inputs)} inputs", entry);
        Copy(entry.Weights, parameters, layer.WeightOffset);
        if (layer.UseBias) return CopyVector(layer, entry, "biases", entry.Biases, parameters, layer.BiasOffset);
        // RTNeural always stores a bias: a layer declared without one accepts only zeros.
        for (int i = 0; i < entry.Biases.Count; i++)
        {
            if (entry.Biases[i] != 0f) return Mismatch($"{Describe(layer)} is declared UseBias = false, but the file's bias {Int(i)} is {Float(entry.Biases[i])}", entry);
        }
        return null;
    }

    private static WeightsProblem? CheckEpsilon(LayerModel layer, WeightsLayer entry) =>
        entry.Epsilon == layer.Epsilon
            ? null
            : Mismatch($"{Describe(layer)}: the file's epsilon is {Float(entry.Epsilon)}, the declaration's {Float(layer.Epsilon)} (declare Epsilon = {Float(entry.Epsilon)}f)", entry);

    /// <summary>RTNeural's name of a layer's activation, or null when RTNeural has none.</summary>
    private static string? RTNeuralName(LayerModel layer) => layer.Activation switch
    {
        ActivationKind.Tanh => "tanh",
        ActivationKind.ReLU => "relu",
        ActivationKind.Sigmoid => "sigmoid",
        ActivationKind.Softmax => "softmax",
        ActivationKind.ELU when layer.Alpha == 1f => "elu", // RTNeural's ELU has alpha 1
        _ => null,
    };

    /// <summary>Why a file's layer before its recurrent one cannot be declared: RTNeural applies it to each step on its own.</summary>
    private static string PerStep(string declared, string stored) =>
        declared is "lstm" or "gru" && stored is not ("lstm" or "gru")
            ? " before its recurrent layer, which RTNeural applies to each step on its own (a time-distributed layer); a declaration has no such layer before a recurrent one"
            : "";

    private static string Name(Step step) => step.Kind == "activation" ? $"activation \"{step.Activation}\"" : $"{step.Kind} layer";
}
