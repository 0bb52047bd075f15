using System.Collections.Generic;
using System.Globalization;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Baking;

/// <summary>
/// Checks a weights file against a declaration and lays its values out like the network's parameter
/// and state spans. Shared by the generator (which bakes the result) and the analyzer (which reports
/// the problem at the <c>Weights</c> argument).
/// </summary>
internal static partial class WeightsBinder
{
    public static BakedNetwork? Bind(NetworkModel model, WeightsFile file, out WeightsProblem? problem)
    {
        problem = file.Problem;
        if (problem is not null) return null;
        var parameters = new float[model.ParameterCount];
        var state = new float[model.StateCount];
        problem = file.Format == WeightsFormat.RTNeural ? BindRTNeural(model, file, parameters, state) : BindNeuralDsl(model, file, parameters, state);
        if (problem is not null) return null;
        string name = System.IO.Path.GetFileName(file.Path);
        return new BakedNetwork(model, name, file.Format, new EquatableArray<float>(parameters), new EquatableArray<float>(state));
    }

    private static WeightsProblem? BindNeuralDsl(NetworkModel model, WeightsFile file, float[] parameters, float[] state)
    {
        if (file.Inputs != model.Inputs) return Mismatch($"the file is for {Int(file.Inputs)} inputs, the declaration has Inputs = {Int(model.Inputs)}");
        if (file.Layers.Count != model.Layers.Count)
            return Mismatch($"the file has {Int(file.Layers.Count)} layers, the declaration {Int(model.Layers.Count)}");
        for (int i = 0; i < model.Layers.Count; i++)
        {
            LayerModel layer = model.Layers[i];
            WeightsLayer entry = file.Layers[i];
            string name = Describe(layer);
            if (entry.Kind != layer.Kind.ToString()) return Mismatch($"{name}: the file's layer {Int(i)} is {entry.Kind}", entry);
            if (entry.Inputs != layer.Inputs || entry.Units != layer.Units)
                return Mismatch($"{name}: the file's layer {Int(i)} has {Int(entry.Inputs)} inputs and {Int(entry.Units)} units, the declaration {Int(layer.Inputs)} and {Int(layer.Units)}", entry);
            if (entry.Activation != layer.Activation.ToString())
                return Mismatch($"{name}: the file's layer {Int(i)} has activation {entry.Activation}, the declaration {layer.Activation}", entry);
            WeightsProblem? problem = CheckGeometry(layer, entry) ?? layer.Kind switch
            {
                LayerKind.Dense => CopyDense(layer, entry, parameters) ?? CopySlopes(layer, entry, parameters),
                LayerKind.BatchNormalization => CopyBatchNormalization(layer, entry, parameters, state),
                _ => CopySlots(layer, entry, parameters, state),
            };
            if (problem is not null) return problem;
        }
        return null;
    }

    private static WeightsProblem? CopyDense(LayerModel layer, WeightsLayer entry, float[] parameters)
    {
        // The file's own header was checked against its weights' shape when it was read.
        Copy(entry.Weights, parameters, layer.WeightOffset);
        if (!layer.UseBias)
            return entry.HasBiases ? Mismatch($"{Describe(layer)} is declared UseBias = false, but the file has biases for it", entry) : null;
        if (!entry.HasBiases) return Mismatch($"{Describe(layer)} has biases, but the file has none for it", entry);
        return CopyVector(layer, entry, "biases", entry.Biases, parameters, layer.BiasOffset);
    }

    // One value per channel: a vector's every value, an image's or a sequence's channels.
    private static WeightsProblem? CopyBatchNormalization(LayerModel layer, WeightsLayer entry, float[] parameters, float[] state) =>
        CopyVector(layer, entry, "gamma", entry.Gamma, parameters, layer.WeightOffset, layer.NormalizedChannels)
        ?? CopyVector(layer, entry, "beta", entry.Beta, parameters, layer.BiasOffset, layer.NormalizedChannels)
        ?? CopyVector(layer, entry, "running mean", entry.Mean, state, layer.StateOffset, layer.NormalizedChannels)
        ?? CopyVector(layer, entry, "running variance", entry.Variance, state, layer.StateOffset + layer.NormalizedChannels, layer.NormalizedChannels)
        ?? CheckVariance(layer, entry);

    private static WeightsProblem? CheckVariance(LayerModel layer, WeightsLayer entry)
    {
        for (int i = 0; i < entry.Variance.Count; i++)
        {
            if (entry.Variance[i] < 0f) return Mismatch($"{Describe(layer)}: running variance {Int(i)} is negative ({Float(entry.Variance[i])})", entry);
        }
        return null;
    }

    private static WeightsProblem? CopySlopes(LayerModel layer, WeightsLayer entry, float[] parameters)
    {
        if (!layer.HasSlopes)
            return entry.Slopes.Count > 0 ? Mismatch($"{Describe(layer)} has no PReLU slopes, but the file has {Int(entry.Slopes.Count)}", entry) : null;
        return CopyVector(layer, entry, "PReLU slopes", entry.Slopes, parameters, layer.SlopeOffset);
    }

    private static WeightsProblem? CopyVector(LayerModel layer, WeightsLayer entry, string what, EquatableArray<float> values, float[] target, int offset, int count = -1)
    {
        if (count < 0) count = layer.Units;
        if (values.Count != count)
            return Mismatch($"{Describe(layer)}: the file has {Int(values.Count)} {what}, the declaration needs {Int(count)}", entry);
        Copy(values, target, offset);
        return null;
    }

    private static void Copy(EquatableArray<float> values, float[] target, int offset)
    {
        for (int i = 0; i < values.Count; i++) target[offset + i] = values[i];
    }

    /// <summary>A declared layer as messages name it: "layer 1 (Dense, 64 -> 32, ReLU)", "layer 0 (LSTM, (100, 1) -> (8))".</summary>
    private static string Describe(LayerModel layer) =>
        layer.Kind == LayerKind.Dense ? $"layer {Int(layer.Index)} (Dense, {Int(layer.Inputs)} -> {Int(layer.Units)}, {layer.Activation})"
        : !layer.InputShape.IsVector || !layer.OutputShape.IsVector || layer.IsRecurrent
            ? $"layer {Int(layer.Index)} ({layer.Kind}, {layer.InputShape} -> {layer.OutputShape}{(layer.Activation == ActivationKind.Linear || layer.IsRecurrent ? "" : ", " + layer.Activation)})"
        : $"layer {Int(layer.Index)} ({layer.Kind}, {Int(layer.Units)} units{(layer.Activation == ActivationKind.Linear ? "" : ", " + layer.Activation)})";

    private static WeightsProblem Mismatch(string message, WeightsLayer? at = null) =>
        new(WeightsProblemKind.Mismatch, message, at?.Line ?? 0, at?.Column ?? 0);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
