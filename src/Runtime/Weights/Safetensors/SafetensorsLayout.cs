using System;
using System.Collections.Generic;
using System.Globalization;

namespace NeuralDsl.Weights;

/// <summary>Where a tensor's values live in the network.</summary>
internal enum TensorSource
{
    /// <summary>In <see cref="INetwork.Parameters"/>.</summary>
    Parameters,

    /// <summary>In <see cref="INetwork.State"/>.</summary>
    State,

    /// <summary>BatchNorm1d's <c>num_batches_tracked</c> counter: written as an I64 zero, optional and ignored on read.</summary>
    BatchCounter,

    /// <summary>
    /// A recurrent layer's <c>bias_hh</c> where we keep one bias (PyTorch adds <c>bias_ih</c> and <c>bias_hh</c>):
    /// written as zeros, added on read to the parameters the <c>bias_ih</c> before it set.
    /// </summary>
    AddedBias,
}

/// <summary>
/// One tensor of the PyTorch layout: its name, its PyTorch shape, and the span of the network it holds.
/// A transposed tensor is a Dense kernel: PyTorch's <c>[out, in]</c> element <c>(o, i)</c> is our
/// input-major <c>Offset + i * out + o</c>. A tensor with a <see cref="Map"/> (convolution and recurrent
/// kernels, reordered gates, a Dense kernel after a channels-first Flatten) lists, for each of its
/// elements in row-major order, the index it has in the network's span.
/// </summary>
internal sealed record TensorSlot(string Name, int[] Shape, TensorSource Source, int Offset, bool Transposed, int[]? Map = null)
{
    public int Count
    {
        get
        {
            int count = 1;
            foreach (int dimension in Shape) count *= dimension;
            return count;
        }
    }

    public string ShapeText => "[" + string.Join(", ", Array.ConvertAll(Shape, d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>The index in the network's span of the tensor's element <paramref name="k"/> (row-major in the PyTorch shape).</summary>
    public int IndexOf(int k) => Map is not null ? Map[k] : Transposed ? Offset + (k % Shape[1]) * Shape[0] + k / Shape[1] : Offset + k;
}

/// <summary>
/// The names and shapes a network's parameters take in a PyTorch <c>nn.Sequential</c> state dict: each
/// layer, and each activation after it, is one module with the next index.
/// </summary>
/// <remarks>
/// Dense: <c>nn.Linear</c> at index i (<c>i.weight</c> <c>[units, inputs]</c>, <c>i.bias</c> <c>[units]</c> when it has
/// biases), then, unless the activation is linear, the activation module at i + 1 (<c>nn.PReLU(units)</c> with
/// <c>weight</c> <c>[units]</c>; the others have no tensors). Dropout: <c>nn.Dropout</c>, no tensors.
/// BatchNormalization: <c>nn.BatchNorm1d</c> (<c>weight</c> gamma, <c>bias</c> beta, <c>running_mean</c>,
/// <c>running_var</c>, <c>num_batches_tracked</c>), then its activation module if it has one. Activation:
/// one module, <c>nn.Identity</c> for a linear one. Image, sequence, recurrent and embedding layers:
/// see <c>SafetensorsLayout.Shaped.cs</c>.
/// </remarks>
internal static partial class SafetensorsLayout
{
    public static List<TensorSlot> Of(INetwork network, IReadOnlyDictionary<string, string>? names)
    {
        var slots = new List<TensorSlot>();
        int module = 0;
        for (int i = 0; i < network.Layers.Count; i++) CheckShaped(i, network.Layers[i]);
        // The order PyTorch's nn.Flatten gives the vector the next Dense layer reads, when it differs from ours.
        int[]? flattened = null;
        bool channelsFirst = network.Layers.Count > 0 && network.Layers[0].InputShape.Rank == 3;
        foreach (LayerInfo layer in network.Layers)
        {
            switch (layer.Kind)
            {
                case LayerKind.Dense:
                    slots.Add(flattened is null
                        ? new($"{module}.weight", [layer.Units, layer.Inputs], TensorSource.Parameters, layer.WeightOffset, Transposed: true)
                        : new($"{module}.weight", [layer.Units, layer.Inputs], TensorSource.Parameters, layer.WeightOffset, true, FlattenedKernel(layer, flattened)));
                    flattened = null;
                    if (layer.UseBias) slots.Add(new($"{module}.bias", [layer.Units], TensorSource.Parameters, layer.BiasOffset, false));
                    module++;
                    if (layer.Activation != Activation.Linear) AddActivation(slots, layer, ref module);
                    break;
                case LayerKind.BatchNormalization:
                {
                    // One value per channel (nn.BatchNorm1d/2d's), which for a vector is one per unit.
                    int channels = layer.OutputShape.Channels;
                    slots.Add(Vector($"{module}.weight", TensorSource.Parameters, layer.WeightOffset, channels, flattened));
                    slots.Add(Vector($"{module}.bias", TensorSource.Parameters, layer.BiasOffset, channels, flattened));
                    slots.Add(Vector($"{module}.running_mean", TensorSource.State, layer.StateOffset, channels, flattened));
                    slots.Add(Vector($"{module}.running_var", TensorSource.State, layer.StateOffset + channels, channels, flattened));
                    slots.Add(new($"{module}.num_batches_tracked", [], TensorSource.BatchCounter, 0, false));
                    module++;
                    if (layer.Activation != Activation.Linear) AddActivation(slots, layer, ref module, flattened);
                    break;
                }
                case LayerKind.Activation:
                    AddActivation(slots, layer, ref module, flattened);
                    break;
                case LayerKind.Flatten:
                    if (channelsFirst) flattened = ChannelsFirstOrder(layer.InputShape);
                    module++;
                    break;
                default:
                    if (AddShaped(slots, layer, ref module)) channelsFirst = layer.OutputShape.Rank > 1 && !layer.IsRecurrent && layer.Kind != LayerKind.Embedding;
                    else module++;
                    break;
            }
        }
        return names is null || names.Count == 0 ? slots : Rename(slots, names);
    }

    private static void AddActivation(List<TensorSlot> slots, LayerInfo layer, ref int module, int[]? flattened = null)
    {
        if (layer.Activation == Activation.PReLU)
            slots.Add(Vector($"{module}.weight", TensorSource.Parameters, layer.SlopeOffset, layer.Units, flattened));
        module++;
    }

    // One value per unit; between a channels-first Flatten and the next Dense the units are in PyTorch's order.
    private static TensorSlot Vector(string name, TensorSource source, int offset, int units, int[]? flattened) => flattened is null
        ? new(name, [units], source, offset, false)
        : new(name, [units], source, offset, false, Array.ConvertAll(flattened, position => offset + position));

    private static List<TensorSlot> Rename(List<TensorSlot> slots, IReadOnlyDictionary<string, string> names)
    {
        var defaults = new HashSet<string>(StringComparer.Ordinal);
        foreach (TensorSlot slot in slots) defaults.Add(slot.Name);
        foreach (KeyValuePair<string, string> pair in names)
        {
            if (!defaults.Contains(pair.Key))
                throw new ArgumentException($"The name map renames '{pair.Key}', which is not a tensor of this network. Its tensors: {string.Join(", ", defaults)}.", nameof(names));
            if (string.IsNullOrEmpty(pair.Value) || pair.Value == "__metadata__")
                throw new ArgumentException($"The name map gives '{pair.Key}' the name '{pair.Value}', which a tensor cannot have.", nameof(names));
        }
        var renamed = new List<TensorSlot>(slots.Count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (TensorSlot slot in slots)
        {
            string name = names.TryGetValue(slot.Name, out string? mapped) ? mapped : slot.Name;
            if (!used.Add(name))
                throw new ArgumentException($"The name map gives two tensors the name '{name}'.", nameof(names));
            renamed.Add(slot with { Name = name });
        }
        return renamed;
    }
}
