using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Embedding;

/// <summary>
/// Writes NeuralDsl weights JSON, version 1: one entry per layer with its kind, inputs, units and
/// activation, an image or sequence layer's shapes and geometry (all checked when the file is read or
/// compiled in: <see cref="WeightsJsonLayout"/>), a kernel as one line per input (input-major, like
/// <see cref="INetwork.Parameters"/> and a Keras kernel), and every float in its shortest round-trip
/// form, so that reading gives back the same bits.
/// </summary>
internal static class WeightsJsonWriter
{
    public static string Write(INetwork network)
    {
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
            List<(string Name, string Value)> geometry = WeightsJsonLayout.Geometry(layer);
            if (geometry.Count > 0)
            {
                json.Append(",\n      ");
                for (int g = 0; g < geometry.Count; g++) json.Append(g == 0 ? "" : ", ").Append('"').Append(geometry[g].Name).Append("\": ").Append(geometry[g].Value);
            }
            foreach (WeightsJsonArray array in WeightsJsonLayout.Arrays(layer))
            {
                ReadOnlySpan<float> values = (array.InState ? st : p).Slice(array.Offset, array.Count);
                if (array.Rows == 0)
                {
                    Member(json, array.Name, values);
                    continue;
                }
                json.Append(",\n      \"").Append(array.Name).Append("\": [\n");
                for (int r = 0; r < array.Rows; r++)
                {
                    json.Append("        ");
                    Array(json, values.Slice(r * array.Columns, array.Columns));
                    json.Append(r == array.Rows - 1 ? "\n" : ",\n");
                }
                json.Append("      ]");
            }
            json.Append("\n    }");
        }
        json.Append("\n  ]\n}\n");
        return json.ToString();
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
