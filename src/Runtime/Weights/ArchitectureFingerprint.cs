using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NeuralDsl.Weights;

/// <summary>
/// What a weights file must agree on with the network it is loaded into: the input size and, per layer,
/// its kind, input and output widths (and, for images and sequences, shapes and window), activation,
/// whether it has biases, and its parameter and state counts. Hyperparameters that do not change what the stored numbers mean (dropout rate, activation
/// slopes, batch normalisation's momentum and epsilon) are left out, so changing them keeps a file loadable.
/// </summary>
internal static class ArchitectureFingerprint
{
    /// <summary>
    /// 64-bit FNV-1a over the fields above as little-endian 32-bit integers: the same on every run,
    /// platform and .NET version (unlike <see cref="string.GetHashCode()"/>, which is randomised per process).
    /// </summary>
    public static ulong Compute(INetwork network)
    {
        ulong hash = 14695981039346656037UL;
        Mix(ref hash, network.InputSize);
        IReadOnlyList<LayerInfo> layers = network.Layers;
        Mix(ref hash, layers.Count);
        foreach (LayerInfo layer in layers)
        {
            Mix(ref hash, (int)layer.Kind);
            Mix(ref hash, layer.Inputs);
            Mix(ref hash, layer.Units);
            Mix(ref hash, (int)layer.Activation);
            Mix(ref hash, layer.UseBias ? 1 : 0);
            Mix(ref hash, layer.ParameterCount);
            Mix(ref hash, layer.StateCount);
            // Images and sequences: the same widths can hold other shapes, or a kernel of another size
            // with the same parameter count. Vector layers add nothing, so their files stay loadable.
            if (layer.InputShape.Rank > 1 || layer.OutputShape.Rank > 1)
            {
                foreach (TensorShape shape in new[] { layer.InputShape, layer.OutputShape })
                {
                    Mix(ref hash, shape.Rank);
                    Mix(ref hash, shape.Height);
                    Mix(ref hash, shape.Width);
                    Mix(ref hash, shape.Channels);
                }
                Mix(ref hash, layer.KernelSize);
                Mix(ref hash, layer.Strides);
                Mix(ref hash, (int)layer.Padding);
            }
        }
        return hash;
    }

    /// <summary>A readable account of the same fields, for error messages: <c>4 inputs -> Dense(8, ReLU) -> Dense(3, Linear, no bias)</c>.</summary>
    public static string Describe(INetwork network)
    {
        var text = new StringBuilder();
        text.Append(network.InputSize.ToString(CultureInfo.InvariantCulture)).Append(" inputs");
        foreach (LayerInfo layer in network.Layers)
        {
            bool shaped = layer.InputShape.Rank > 1 || layer.OutputShape.Rank > 1;
            text.Append(" -> ").Append(layer.Kind.ToString()).Append('(').Append(shaped ? layer.OutputShape.ToString() : layer.Units.ToString(CultureInfo.InvariantCulture));
            if (layer.KernelSize > 0) text.Append(", window ").Append(layer.KernelSize.ToString(CultureInfo.InvariantCulture)).Append(", strides ").Append(layer.Strides.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(layer.Padding.ToString());
            if (layer.Kind is LayerKind.Dense or LayerKind.Activation || layer.Activation != Activation.Linear)
                text.Append(", ").Append(layer.Activation.ToString());
            if (layer.Kind == LayerKind.Dense && !layer.UseBias) text.Append(", no bias");
            text.Append(')');
        }
        return text.ToString();
    }

    private static void Mix(ref ulong hash, int value)
    {
        for (int shift = 0; shift < 32; shift += 8)
        {
            hash ^= (byte)(value >> shift);
            hash *= 1099511628211UL;
        }
    }
}
