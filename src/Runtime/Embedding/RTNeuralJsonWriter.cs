using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Embedding;

/// <summary>
/// Writes a network as an RTNeural JSON model, the layout RTNeural's loader and its Keras exporter
/// share: <c>in_shape</c> ending with the values of one call (one step's features for a recurrent
/// network), then one entry per operation with its <c>type</c>, <c>activation</c>, <c>shape</c> ending
/// with its width, and <c>weights</c> as Keras' <c>get_weights()</c> gives them (a dense or recurrent
/// kernel input-major, a gru's bias as two rows, PReLU slopes wrapped in one more array). A dense
/// layer's activation is written into it, as Keras' exporter does; every float in its shortest
/// round-trip form.
/// </summary>
internal static class RTNeuralJsonWriter
{
    public static string Write(INetwork network)
    {
        IReadOnlyList<LayerInfo> layers = network.Layers;
        List<RTNeuralStep> steps = RTNeuralChain.Unfold(layers, out string? why) ?? throw new NotSupportedException(why);
        ReadOnlySpan<float> p = network.Parameters;
        ReadOnlySpan<float> st = network.State;
        bool streams = RTNeuralChain.IsRecurrent(layers);
        var json = new StringBuilder();
        json.Append("{\n  \"in_shape\": ");
        Shape(json, streams, RTNeuralChain.InputWidth(layers, network.InputSize));
        json.Append(",\n  \"layers\": [");
        bool first = true;
        for (int s = 0; s < steps.Count; s++)
        {
            RTNeuralStep step = steps[s];
            LayerInfo layer = layers[step.Layer];
            // A dense layer takes the activation step that follows it, as Keras' Dense(units, activation) is saved.
            string activation = step.Activation;
            if (step.Kind == "dense" && s + 1 < steps.Count && steps[s + 1] is { Kind: "activation", Layer: var owner } next && owner == step.Layer)
            {
                activation = next.Activation;
                s++;
            }
            if (step.Kind is "lstm" or "gru") activation = "tanh";
            json.Append(first ? "\n" : ",\n");
            first = false;
            json.Append("    {\n      \"type\": \"").Append(step.Kind).Append("\", \"activation\": \"").Append(activation).Append("\", \"shape\": ");
            Shape(json, streams, layer.IsRecurrent ? layer.RecurrentUnits : layer.Units);
            if (step.Kind == "batchnorm") json.Append(", \"epsilon\": ").Append(Float(layer.Epsilon));
            json.Append(",\n      \"weights\": [");
            switch (step.Kind)
            {
                case "dense":
                    json.Append('\n');
                    Matrix(json, p.Slice(layer.WeightOffset, layer.Inputs * layer.Units), layer.Units);
                    json.Append(",\n        ");
                    // RTNeural's dense always has a bias: a layer without one writes zeros.
                    Array(json, layer.UseBias ? p.Slice(layer.BiasOffset, layer.Units) : new float[layer.Units]);
                    json.Append("\n      ");
                    break;
                case "lstm":
                case "gru":
                    int columns = layer.Gates * layer.RecurrentUnits;
                    json.Append('\n');
                    Matrix(json, p.Slice(layer.WeightOffset, layer.InputShape.Channels * columns), columns);
                    json.Append(",\n");
                    Matrix(json, p.Slice(layer.RecurrentKernelOffset, layer.RecurrentUnits * columns), columns);
                    json.Append(",\n");
                    if (step.Kind == "gru")
                    {
                        Matrix(json, p.Slice(layer.BiasOffset, 2 * columns), columns);
                    }
                    else
                    {
                        json.Append("        ");
                        Array(json, p.Slice(layer.BiasOffset, columns));
                    }
                    json.Append("\n      ");
                    break;
                case "prelu":
                    json.Append('[');
                    Array(json, p.Slice(layer.SlopeOffset, layer.Units));
                    json.Append(']');
                    break;
                case "batchnorm":
                    Array(json, p.Slice(layer.WeightOffset, layer.Units));
                    json.Append(", ");
                    Array(json, p.Slice(layer.BiasOffset, layer.Units));
                    json.Append(", ");
                    Array(json, st.Slice(layer.StateOffset, layer.Units));
                    json.Append(", ");
                    Array(json, st.Slice(layer.StateOffset + layer.Units, layer.Units));
                    break;
            }
            json.Append("]\n    }");
        }
        json.Append("\n  ]\n}\n");
        return json.ToString();
    }

    /// <summary>Keras' shape with its batch axis (and its time axis for a streaming network) unknown: [null, n] or [null, null, n].</summary>
    private static void Shape(StringBuilder json, bool streams, int width) =>
        json.Append(streams ? "[null, null, " : "[null, ").Append(width.ToString(CultureInfo.InvariantCulture)).Append(']');

    /// <summary>An input-major matrix, one row per line inside an array.</summary>
    private static void Matrix(StringBuilder json, ReadOnlySpan<float> values, int columns)
    {
        json.Append("        [\n");
        int rows = values.Length / columns;
        for (int r = 0; r < rows; r++)
        {
            json.Append("          ");
            Array(json, values.Slice(r * columns, columns));
            json.Append(r == rows - 1 ? "\n" : ",\n");
        }
        json.Append("        ]");
    }

    private static void Array(StringBuilder json, ReadOnlySpan<float> values)
    {
        json.Append('[');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) json.Append(", ");
            json.Append(Float(values[i]));
        }
        json.Append(']');
    }

    // "R" is the shortest string that parses back to the same float (.NET Core 3.0 and later).
    private static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
