using System.Collections.Generic;
using System.Globalization;

namespace NeuralDsl.Embedding;

/// <summary>One array of a layer's entry in NeuralDsl's weights JSON: its member name, where its values live, and its shape (Rows 0: a vector).</summary>
internal readonly record struct WeightsJsonArray(string Name, bool InState, int Offset, int Rows, int Columns)
{
    public int Count => Rows == 0 ? Columns : Rows * Columns;
}

/// <summary>
/// What NeuralDsl's weights JSON holds for each layer, shared by the writer and the reader: the geometry
/// that must match for the weights to mean the same thing (shapes, window, recurrent form), and the
/// arrays in Keras' layouts. A dense or convolution kernel is a matrix of one row per input (a
/// convolution's [kh, kw, in channels] positions, one value per filter); a recurrent layer's kernel
/// [features][gates x units], recurrent kernel [units][gates x units] and biases (a reset-after GRU's two
/// rows), the backward direction's after the forward's; an embedding's table [vocabulary][values per token];
/// batch normalisation's four vectors, one value per channel.
/// </summary>
internal static class WeightsJsonLayout
{
    /// <summary>Members checked before any value is read, with their JSON text; none for a vector layer of the first version's kinds.</summary>
    public static List<(string Name, string Value)> Geometry(LayerInfo layer)
    {
        var members = new List<(string, string)>();
        if (layer.InputShape.Rank > 1 || layer.OutputShape.Rank > 1 || layer.IsRecurrent || layer.Kind == LayerKind.Embedding)
        {
            members.Add(("inputShape", Shape(layer.InputShape)));
            members.Add(("outputShape", Shape(layer.OutputShape)));
        }
        if (layer.Kind is LayerKind.Conv1D or LayerKind.Conv2D or LayerKind.MaxPool1D or LayerKind.MaxPool2D or LayerKind.AveragePool1D or LayerKind.AveragePool2D)
        {
            members.Add(("kernelSize", Int(layer.KernelSize)));
            members.Add(("strides", Int(layer.Strides)));
            members.Add(("padding", "\"" + layer.Padding + "\""));
        }
        if (layer.IsRecurrent)
        {
            members.Add(("returnSequences", Bool(layer.ReturnSequences)));
            members.Add(("bidirectional", Bool(layer.Bidirectional)));
            if (layer.Kind == LayerKind.GRU) members.Add(("resetAfter", Bool(layer.ResetAfter)));
        }
        return members;
    }

    /// <summary>The layer's arrays in the order they are written.</summary>
    public static List<WeightsJsonArray> Arrays(LayerInfo layer)
    {
        var arrays = new List<WeightsJsonArray>();
        int channels = layer.OutputShape.Channels;
        switch (layer.Kind)
        {
            case LayerKind.Dense:
                arrays.Add(new("weights", false, layer.WeightOffset, layer.Inputs, layer.Units));
                if (layer.UseBias) arrays.Add(new("biases", false, layer.BiasOffset, 0, layer.Units));
                break;
            case LayerKind.Conv1D:
            case LayerKind.Conv2D:
                arrays.Add(new("weights", false, layer.WeightOffset, (layer.BiasOffset - layer.WeightOffset) / channels, channels));
                if (layer.UseBias) arrays.Add(new("biases", false, layer.BiasOffset, 0, channels));
                break;
            case LayerKind.BatchNormalization:
                arrays.Add(new("gamma", false, layer.WeightOffset, 0, channels));
                arrays.Add(new("beta", false, layer.BiasOffset, 0, channels));
                arrays.Add(new("mean", true, layer.StateOffset, 0, channels));
                arrays.Add(new("variance", true, layer.StateOffset + channels, 0, channels));
                break;
            case LayerKind.Embedding:
                arrays.Add(new("table", false, layer.WeightOffset, layer.ParameterCount / channels, channels));
                break;
            case LayerKind.SimpleRNN:
            case LayerKind.LSTM:
            case LayerKind.GRU:
                int units = layer.RecurrentUnits, columns = layer.Gates * units;
                for (int direction = 0; direction < (layer.Bidirectional ? 2 : 1); direction++)
                {
                    int shift = direction * layer.DirectionParameterCount;
                    string prefix = direction == 0 ? "" : "backward";
                    arrays.Add(new(Name(prefix, "kernel"), false, layer.WeightOffset + shift, layer.InputShape.Channels, columns));
                    arrays.Add(new(Name(prefix, "recurrentKernel"), false, layer.RecurrentKernelOffset + shift, units, columns));
                    arrays.Add(new(Name(prefix, "biases"), false, layer.BiasOffset + shift, layer.ResetAfter ? 2 : 0, columns));
                }
                break;
        }
        if (layer.Activation == Activation.PReLU) arrays.Add(new("slopes", false, layer.SlopeOffset, 0, layer.Units));
        return arrays;
    }

    private static string Name(string prefix, string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static string Shape(TensorShape shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
