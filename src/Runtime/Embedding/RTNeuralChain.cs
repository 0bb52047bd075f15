using System.Collections.Generic;

namespace NeuralDsl.Embedding;

/// <summary>One operation of an RTNeural model: its layer type ("dense", "lstm", ...), an activation's name, and the declared layer it comes from.</summary>
internal readonly record struct RTNeuralStep(string Kind, string Activation, int Layer);

/// <summary>
/// A network as the chain of operations RTNeural's JSON model describes, shared by the reader and the
/// writer. RTNeural runs a model one time step at a time, each layer keeping its own state: its lstm
/// and gru layers stream a sequence, and every layer after them sees one step's values. A declaration
/// computes the same only when it streams too: one-way LSTM or reset-after GRU layers (dropout between
/// them), the last one returning its last output, then vector layers (dense, batch normalisation,
/// activations). Anything else has no RTNeural counterpart, and the reason names the layer.
/// </summary>
internal static class RTNeuralChain
{
    /// <summary>The chain of <paramref name="layers"/>, or null with the reason in <paramref name="why"/>.</summary>
    public static List<RTNeuralStep>? Unfold(IReadOnlyList<LayerInfo> layers, out string? why)
    {
        int last = LastRecurrent(layers);
        var steps = new List<RTNeuralStep>();
        for (int i = 0; i < layers.Count; i++)
        {
            LayerInfo layer = layers[i];
            string name = WeightsJson.Describe(layer, i);
            why = i <= last ? StreamingLayer(layer, name, i == last) : VectorLayer(layer, name);
            if (why is not null) return null;
            if (layer.Kind == LayerKind.Dense) steps.Add(new("dense", "", i));
            if (layer.Kind == LayerKind.BatchNormalization) steps.Add(new("batchnorm", "", i));
            if (layer.Kind == LayerKind.LSTM) steps.Add(new("lstm", "", i));
            if (layer.Kind == LayerKind.GRU) steps.Add(new("gru", "", i));
            if (layer.IsRecurrent) continue; // tanh and sigmoid are part of RTNeural's lstm and gru
            if (layer.Activation == Activation.PReLU)
            {
                steps.Add(new("prelu", "", i));
            }
            else if (layer.Activation != Activation.Linear)
            {
                string? activation = ActivationName(layer);
                if (activation is null)
                {
                    why = $"{name}: RTNeural has no {layer.Activation}{(layer.Activation == Activation.ELU ? " with Alpha other than 1" : "")} (its activations are tanh, relu, sigmoid, softmax, elu and prelu).";
                    return null;
                }
                steps.Add(new("activation", activation, i));
            }
        }
        why = null;
        return steps;
    }

    /// <summary>Values RTNeural's model reads per call: one step's features for a recurrent network, else the input vector.</summary>
    public static int InputWidth(IReadOnlyList<LayerInfo> layers, int inputSize) =>
        LastRecurrent(layers) >= 0 ? layers[0].InputShape.Channels : inputSize;

    /// <summary>Whether the network streams a sequence through recurrent layers (RTNeural's in_shape is then [null, null, features]).</summary>
    public static bool IsRecurrent(IReadOnlyList<LayerInfo> layers) => LastRecurrent(layers) >= 0;

    /// <summary>RTNeural's name of a layer's activation, or null when RTNeural has none.</summary>
    public static string? ActivationName(LayerInfo layer) => layer.Activation switch
    {
        Activation.Tanh => "tanh",
        Activation.ReLU => "relu",
        Activation.Sigmoid => "sigmoid",
        Activation.Softmax => "softmax",
        Activation.ELU when layer.Alpha == 1f => "elu", // RTNeural's ELU has alpha 1
        _ => null,
    };

    private static int LastRecurrent(IReadOnlyList<LayerInfo> layers)
    {
        int last = -1;
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i].IsRecurrent) last = i;
        }
        return last;
    }

    /// <summary>Why a layer up to the last recurrent one cannot be an RTNeural streaming layer, or null.</summary>
    private static string? StreamingLayer(LayerInfo layer, string name, bool isLast)
    {
        if (layer.Kind == LayerKind.Dropout) return null;
        if (layer.Kind == LayerKind.SimpleRNN) return $"{name}: RTNeural has no SimpleRNN (its recurrent layers are lstm and gru).";
        if (!layer.IsRecurrent)
            return $"{name}: before a recurrent layer RTNeural applies its layers to each step on its own; NeuralDsl's {layer.Kind} there has no RTNeural counterpart (only LSTM, GRU and Dropout may come before the last recurrent layer).";
        if (layer.Bidirectional) return $"{name} is bidirectional: RTNeural runs a stream forward only, one step at a time.";
        if (layer.Kind == LayerKind.GRU && !layer.ResetAfter)
            return $"{name} has ResetAfter = false: RTNeural's gru applies the reset gate after the recurrent product (Keras reset_after=True, two bias rows).";
        if (isLast == layer.ReturnSequences)
            return isLast
                ? $"{name} returns every step (ReturnSequences = true): RTNeural gives one output per step, which a declaration computes with the last recurrent layer returning its last output."
                : $"{name} returns its last output only: a recurrent layer that feeds another must return every step (ReturnSequences = true), as RTNeural's streaming layers do.";
        return null;
    }

    /// <summary>Why a layer after the recurrent ones (or of a network without any) has no RTNeural counterpart, or null.</summary>
    private static string? VectorLayer(LayerInfo layer, string name)
    {
        if (layer.Kind is LayerKind.Conv1D or LayerKind.Conv2D)
            return $"{name}: RTNeural's conv1d and conv2d are causal convolutions over the stream of steps, with state between calls; NeuralDsl's {layer.Kind} slides over a declared sequence or image, so neither reads the other's weights.";
        if (layer.InputShape.Rank > 1 || layer.OutputShape.Rank > 1 || layer.Kind == LayerKind.Embedding)
            return $"{name} works on an image or a sequence, which RTNeural's JSON has no counterpart of (it describes dense, batchnorm, prelu, activation, lstm and gru layers).";
        return null;
    }
}
