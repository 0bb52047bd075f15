using System.Collections.Generic;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Baking;

// RTNeural describes a network as a chain of operations: a dense layer (with its activation folded in
// or as a separate "activation" layer), "prelu", "batchnorm". Both the declaration and the file are
// unfolded into that chain (a declared Dense(32, ReLU) is dense then relu; Dropout is nothing at
// inference) and compared step by step, so either way of writing an activation matches.
internal static partial class WeightsBinder
{
    private readonly record struct Step(string Kind, string Activation, LayerModel? Layer, WeightsLayer? Entry);

    private static WeightsProblem? BindRTNeural(NetworkModel model, WeightsFile file, float[] parameters, float[] state)
    {
        var declared = new List<Step>();
        foreach (LayerModel layer in model.Layers)
        {
            if (layer.Kind == LayerKind.Dense) declared.Add(new Step("dense", "", layer, null));
            if (layer.Kind == LayerKind.BatchNormalization) declared.Add(new Step("batchnorm", "", layer, null));
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

        var stored = new List<Step>();
        foreach (WeightsLayer entry in file.Layers)
        {
            if (entry.Kind != "activation") stored.Add(new Step(entry.Kind, "", null, entry));
            if (entry.Activation is not ("" or "linear")) stored.Add(new Step("activation", entry.Activation, null, entry));
        }

        for (int i = 0; i < declared.Count || i < stored.Count; i++)
        {
            if (i >= stored.Count) return Mismatch($"{Describe(declared[i].Layer!)}: the file ends before its {Name(declared[i])}");
            WeightsLayer entry = stored[i].Entry!;
            if (i >= declared.Count) return Mismatch($"the file has a {Name(stored[i])} after the declaration's last layer", entry);
            LayerModel layer = declared[i].Layer!;
            if (declared[i].Kind != stored[i].Kind || declared[i].Activation != stored[i].Activation)
                return Mismatch($"{Describe(layer)}: expected {Name(declared[i])}, the file has {Name(stored[i])}", entry);
            if (entry.Units != layer.Units)
                return Mismatch($"{Describe(layer)}: the file's {entry.Kind} layer has {Int(entry.Units)} units, the declaration {Int(layer.Units)}", entry);
            WeightsProblem? problem = declared[i].Kind switch
            {
                "dense" => CopyRTNeuralDense(layer, entry, parameters),
                "batchnorm" => CopyBatchNormalization(layer, entry, parameters, state) ?? CheckEpsilon(layer, entry),
                "prelu" => CopyVector(layer, entry, "PReLU slopes", entry.Slopes, parameters, layer.SlopeOffset),
                _ => null,
            };
            if (problem is not null) return problem;
        }
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

    private static string Name(Step step) => step.Kind == "activation" ? $"activation \"{step.Activation}\"" : $"{step.Kind} layer";
}
