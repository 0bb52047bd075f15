using System;
using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Tests.Recurrent;

namespace NeuralDsl.Tests.GradientCheck;

// The recurrent and embedding layers of a layer table, read through the double-precision recurrent
// definitions of RecurrentReference (one sample at a time: a recurrent layer does not mix samples).
internal static partial class ReferenceNetwork
{
    private static double[][] Recur(LayerInfo layer, ReadOnlySpan<double> p, double[][] x)
    {
        RecurrentKind kind = layer.Kind switch { LayerKind.LSTM => RecurrentKind.Lstm, LayerKind.GRU => RecurrentKind.Gru, _ => RecurrentKind.SimpleRnn };
        var c = new RecurrentCase(kind, layer.InputShape.Width, layer.InputShape.Channels, layer.RecurrentUnits, layer.ResetAfter, layer.Bidirectional);
        double[] parameters = p.Slice(layer.ParameterOffset, layer.ParameterCount).ToArray();
        return x.Select(row => RecurrentReference.Output(c, row, parameters, layer.ReturnSequences)).ToArray();
    }

    /// <summary>Each id's row of the table, [vocabulary, dimensions] at the layer's offset.</summary>
    private static double[][] Embed(LayerInfo layer, ReadOnlySpan<double> p, double[][] ids)
    {
        int dimensions = layer.OutputShape.Channels;
        var rows = new List<double[]>();
        foreach (double[] sample in ids)
        {
            double[] z = new double[sample.Length * dimensions];
            for (int t = 0; t < sample.Length; t++)
                for (int j = 0; j < dimensions; j++) z[t * dimensions + j] = p[layer.WeightOffset + (int)sample[t] * dimensions + j];
            rows.Add(z);
        }
        return rows.ToArray();
    }

    /// <summary>A recurrent layer's penalties: each direction's kernel [features, gates x units] and biases.</summary>
    private static double RecurrentPenalty(LayerInfo layer, LayerPenalty penalty, ReadOnlySpan<double> p)
    {
        int units = layer.RecurrentUnits, width = layer.Gates * units;
        int kernel = layer.InputShape.Channels * width, biases = (layer.ResetAfter ? 2 : 1) * width;
        double sum = 0;
        for (int d = 0; d < (layer.Bidirectional ? 2 : 1); d++)
        {
            int shift = d * layer.DirectionParameterCount;
            sum += Penalty(p.Slice(layer.WeightOffset + shift, kernel), penalty.KernelL1, penalty.KernelL2);
            sum += Penalty(p.Slice(layer.WeightOffset + shift + kernel + units * width, biases), penalty.BiasL1, penalty.BiasL2);
        }
        return sum;
    }
}
