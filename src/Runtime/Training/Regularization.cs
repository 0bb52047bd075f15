using System;
using System.Collections.Generic;

namespace NeuralDsl.Training;

/// <summary>
/// L1 and L2 weight penalties, as Keras' regularisers define them: the loss gains
/// <c>l1 * sum|w| + l2 * sum w^2</c> and the gradient <c>l1 * sign(w) + 2 * l2 * w</c>.
/// </summary>
public static class Regularization
{
    /// <summary>Adds the penalty's gradient for <paramref name="weights"/> to <paramref name="gradients"/>; returns the penalty.</summary>
    public static float Apply(ReadOnlySpan<float> weights, Span<float> gradients, float l1, float l2)
    {
        double penalty = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            float w = weights[i];
            penalty += l1 * Math.Abs(w) + l2 * (double)w * w;
            gradients[i] += l1 * MathF.Sign(w) + 2f * l2 * w;
        }
        return (float)penalty;
    }

    /// <summary>The penalty <c>l1 * sum|w| + l2 * sum w^2</c> alone, without a gradient.</summary>
    public static float Penalty(ReadOnlySpan<float> weights, float l1, float l2)
    {
        double penalty = 0;
        foreach (float w in weights) penalty += l1 * Math.Abs(w) + l2 * (double)w * w;
        return (float)penalty;
    }

    /// <summary>
    /// Applies the penalty to every layer's kernel weights (and to biases when <paramref name="includeBiases"/>),
    /// located through the network's layer table. Returns the total penalty.
    /// </summary>
    public static float ApplyToNetwork(IReadOnlyList<LayerInfo> layers, ReadOnlySpan<float> parameters, Span<float> gradients,
        float l1, float l2, bool includeBiases = false)
    {
        if (l1 < 0f || l2 < 0f) throw new ArgumentOutOfRangeException(l1 < 0f ? nameof(l1) : nameof(l2), "Penalties must not be negative.");
        float total = 0f;
        // Indexed: foreach over an interface would box an enumerator on every training step.
        for (int i = 0; i < layers.Count; i++)
        {
            LayerInfo layer = layers[i];
            if (layer.Kind != LayerKind.Dense) continue;
            int count = layer.Inputs * layer.Units + (includeBiases && layer.UseBias ? layer.Units : 0);
            total += Apply(parameters.Slice(layer.WeightOffset, count), gradients.Slice(layer.WeightOffset, count), l1, l2);
        }
        return total;
    }

    /// <summary>The penalty of every dense layer's kernel weights, without a gradient.</summary>
    public static float PenaltyOfNetwork(IReadOnlyList<LayerInfo> layers, ReadOnlySpan<float> parameters, float l1, float l2)
    {
        float total = 0f;
        for (int i = 0; i < layers.Count; i++)
        {
            LayerInfo layer = layers[i];
            if (layer.Kind == LayerKind.Dense) total += Penalty(parameters.Slice(layer.WeightOffset, layer.Inputs * layer.Units), l1, l2);
        }
        return total;
    }
}
