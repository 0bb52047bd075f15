using System;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Embedding;

/// <summary>
/// Writes NeuralDsl weights JSON, version 1: one entry per layer with its kind, inputs, units and
/// activation (checked when the file is read or compiled in), a dense kernel as one line per input
/// (input-major, like <see cref="INetwork.Parameters"/> and a Keras kernel), and every float in its
/// shortest round-trip form, so that reading gives back the same bits.
/// </summary>
internal static class WeightsJsonWriter
{
    public static string Write(INetwork network)
    {
        RequireVectorLayers(network);
        ReadOnlySpan<float> p = network.Parameters;
        ReadOnlySpan<float> st = network.State;
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"format\": \"").Append(WeightsJson.FormatName).Append("\",\n");
        json.Append("  \"version\": ").Append(WeightsJson.FormatVersion).Append(",\n");
        json.Append("  \"inputs\": ").Append(network.InputSize).Append(",\n");
        json.Append("  \"layers\": [");
        for (int i = 0; i < network.Layers.Count; i++)
        {
            LayerInfo layer = network.Layers[i];
            json.Append(i == 0 ? "\n" : ",\n");
            json.Append("    {\n");
            json.Append("      \"kind\": \"").Append(layer.Kind).Append("\", \"inputs\": ").Append(layer.Inputs)
                .Append(", \"units\": ").Append(layer.Units).Append(", \"activation\": \"").Append(layer.Activation).Append('"');
            if (layer.Kind == LayerKind.Dense)
            {
                json.Append(",\n      \"weights\": [\n");
                for (int r = 0; r < layer.Inputs; r++)
                {
                    json.Append("        ");
                    Array(json, p.Slice(layer.WeightOffset + r * layer.Units, layer.Units));
                    json.Append(r == layer.Inputs - 1 ? "\n" : ",\n");
                }
                json.Append("      ]");
                if (layer.UseBias) Member(json, "biases", p.Slice(layer.BiasOffset, layer.Units));
            }
            else if (layer.Kind == LayerKind.BatchNormalization)
            {
                Member(json, "gamma", p.Slice(layer.WeightOffset, layer.Units));
                Member(json, "beta", p.Slice(layer.BiasOffset, layer.Units));
                Member(json, "mean", st.Slice(layer.StateOffset, layer.Units));
                Member(json, "variance", st.Slice(layer.StateOffset + layer.Units, layer.Units));
            }
            if (layer.Activation == Activation.PReLU) Member(json, "slopes", p.Slice(layer.SlopeOffset, layer.Units));
            json.Append("\n    }");
        }
        json.Append("\n  ]\n}\n");
        return json.ToString();
    }

    /// <summary>
    /// Refuses networks with image or sequence layers: neither the NeuralDsl nor the RTNeural JSON layout
    /// of this version holds a convolution kernel, and silently leaving one out would lose the weights.
    /// </summary>
    public static void RequireVectorLayers(INetwork network)
    {
        for (int i = 0; i < network.Layers.Count; i++)
        {
            LayerInfo layer = network.Layers[i];
            if (layer.InputShape.Rank > 1 || layer.OutputShape.Rank > 1)
                throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                    $"Layer {i} ({layer.Kind}) works on an image or a sequence, which the weights JSON formats do not cover yet; save the network with WeightsFile (.ndw) instead."));
        }
    }

    private static void Member(StringBuilder json, string name, ReadOnlySpan<float> values)
    {
        json.Append(",\n      \"").Append(name).Append("\": ");
        Array(json, values);
    }

    private static void Array(StringBuilder json, ReadOnlySpan<float> values)
    {
        json.Append('[');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) json.Append(", ");
            // "R" is the shortest string that parses back to the same float (.NET Core 3.0 and later).
            json.Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }
        json.Append(']');
    }
}
