using System;
using System.Collections.Generic;
using System.Globalization;

namespace NeuralDsl.Weights;

/// <summary>
/// The PyTorch names of image, sequence, recurrent and embedding layers, one module each (then the
/// activation module of a convolution, as for Dense):
/// <list type="bullet">
/// <item><c>Conv2D</c>: <c>nn.Conv2d</c>, <c>weight</c> <c>[filters, in, kh, kw]</c> (ours is <c>[kh, kw, in, filters]</c>), <c>bias</c>;
/// <c>Conv1D</c>: <c>nn.Conv1d</c>, <c>weight</c> <c>[filters, in, k]</c>. Pooling and Flatten: no tensors.</item>
/// <item>A Dense layer after a Flatten of a channels-first value (an image input, a convolution's or a
/// pooling's output) reads PyTorch's <c>[C, H, W]</c> order: its weight's columns are permuted from ours (<c>[H, W, C]</c>).</item>
/// <item><c>SimpleRNN</c>, <c>LSTM</c>, <c>GRU</c>: <c>nn.RNN</c>, <c>nn.LSTM</c>, <c>nn.GRU</c> (<c>batch_first</c>
/// does not change the names): <c>weight_ih_l0</c> <c>[gates * units, features]</c>, <c>weight_hh_l0</c>
/// <c>[gates * units, units]</c>, <c>bias_ih_l0</c>, <c>bias_hh_l0</c> <c>[gates * units]</c>, the backward
/// direction's with the suffix <c>_reverse</c>. PyTorch's LSTM gates are ours (i, f, g, o); its GRU's are
/// r, z, n (ours z, r, h). Our one LSTM or SimpleRNN bias is <c>bias_ih</c>, with <c>bias_hh</c> zero (read:
/// their sum); a GRU's two rows are <c>bias_ih</c> and <c>bias_hh</c>. PyTorch's GRU is reset-after only.</item>
/// <item><c>Embedding</c>: <c>nn.Embedding</c>, <c>weight</c> <c>[vocabulary, dimensions]</c>.</item>
/// </list>
/// </summary>
internal static partial class SafetensorsLayout
{
    // Our GRU gate g (z, r, h) is PyTorch's gate GruGate[g] (r, z, n); LSTM and SimpleRNN keep their order.
    private static readonly int[] GruGate = { 1, 0, 2 };

    /// <summary>Refuses what PyTorch's modules cannot hold, naming the layer.</summary>
    private static void CheckShaped(int index, LayerInfo layer)
    {
        if (layer.Kind == LayerKind.GRU && !layer.ResetAfter)
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"Layer {index} (GRU) applies its reset gate before the recurrent product (ResetAfter = false), which PyTorch's nn.GRU cannot compute; save the network with WeightsFile (.ndw) instead."));
        if (layer.Activation == Activation.PReLU && layer.OutputShape.Rank > 1)
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"Layer {index} ({layer.Kind}) has a PReLU slope per value of {layer.OutputShape}, which PyTorch's nn.PReLU (one slope per channel) cannot hold; save the network with WeightsFile (.ndw) instead."));
    }

    /// <summary>Adds the tensors and modules of a convolution, pooling, recurrent or embedding layer; false for other kinds.</summary>
    private static bool AddShaped(List<TensorSlot> slots, LayerInfo layer, ref int module)
    {
        switch (layer.Kind)
        {
            case LayerKind.Conv2D or LayerKind.Conv1D:
                int filters = layer.OutputShape.Channels, inputs = layer.InputShape.Channels, k = layer.KernelSize;
                int[] shape = layer.Kind == LayerKind.Conv2D ? [filters, inputs, k, k] : [filters, inputs, k];
                slots.Add(new($"{module}.weight", shape, TensorSource.Parameters, layer.WeightOffset, false, ConvolutionKernel(layer)));
                if (layer.UseBias) slots.Add(new($"{module}.bias", [filters], TensorSource.Parameters, layer.BiasOffset, false));
                module++;
                if (layer.Activation != Activation.Linear) AddActivation(slots, layer, ref module);
                return true;
            case LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU:
                for (int d = 0; d < (layer.Bidirectional ? 2 : 1); d++) AddDirection(slots, layer, module, d);
                module++;
                return true;
            case LayerKind.Embedding:
                slots.Add(new($"{module}.weight", [layer.ParameterCount / layer.OutputShape.Channels, layer.OutputShape.Channels],
                    TensorSource.Parameters, layer.WeightOffset, false));
                module++;
                return true;
            case LayerKind.MaxPool2D or LayerKind.MaxPool1D or LayerKind.AveragePool2D or LayerKind.AveragePool1D
                or LayerKind.GlobalAveragePooling2D or LayerKind.GlobalAveragePooling1D:
                module++;
                return true;
            default:
                return false;
        }
    }

    // PyTorch's [filters, in, kh, kw] element (o, i, y, x) is our [kh, kw, in, filters] element (y, x, i, o).
    private static int[] ConvolutionKernel(LayerInfo layer)
    {
        int filters = layer.OutputShape.Channels, inputs = layer.InputShape.Channels, kw = layer.KernelSize;
        int kh = layer.Kind == LayerKind.Conv2D ? kw : 1;
        var map = new int[filters * inputs * kh * kw];
        for (int o = 0; o < filters; o++)
            for (int i = 0; i < inputs; i++)
                for (int y = 0; y < kh; y++)
                    for (int x = 0; x < kw; x++)
                        map[((o * inputs + i) * kh + y) * kw + x] = layer.WeightOffset + ((y * kw + x) * inputs + i) * filters + o;
        return map;
    }

    private static void AddDirection(List<TensorSlot> slots, LayerInfo layer, int module, int direction)
    {
        int gates = layer.Gates, units = layer.RecurrentUnits, features = layer.InputShape.Features, width = gates * units;
        int kernel = layer.ParameterOffset + direction * layer.DirectionParameterCount;
        int recurrent = kernel + features * width, bias = recurrent + units * width;
        string suffix = direction == 0 ? "_l0" : "_l0_reverse";
        var ih = new int[width * features];
        var hh = new int[width * units];
        var inputBias = new int[width];
        var recurrentBias = new int[width];
        for (int g = 0; g < gates; g++)
        {
            int torchGate = layer.Kind == LayerKind.GRU ? GruGate[g] : g;
            for (int j = 0; j < units; j++)
            {
                int row = torchGate * units + j, column = g * units + j;
                for (int i = 0; i < features; i++) ih[row * features + i] = kernel + i * width + column;
                for (int i = 0; i < units; i++) hh[row * units + i] = recurrent + i * width + column;
                inputBias[row] = bias + column;
                // A GRU's second bias row is its recurrent bias; the others' bias_hh adds to the one bias.
                recurrentBias[row] = layer.Kind == LayerKind.GRU ? bias + width + column : bias + column;
            }
        }
        slots.Add(new($"{module}.weight_ih{suffix}", [width, features], TensorSource.Parameters, kernel, false, ih));
        slots.Add(new($"{module}.weight_hh{suffix}", [width, units], TensorSource.Parameters, recurrent, false, hh));
        slots.Add(new($"{module}.bias_ih{suffix}", [width], TensorSource.Parameters, bias, false, inputBias));
        slots.Add(new($"{module}.bias_hh{suffix}", [width], layer.Kind == LayerKind.GRU ? TensorSource.Parameters : TensorSource.AddedBias, bias, false, recurrentBias));
    }

    /// <summary>For each position of PyTorch's flattened <c>[C, H, W]</c> value, its position in our flattened <c>[H, W, C]</c> one.</summary>
    private static int[] ChannelsFirstOrder(TensorShape shape)
    {
        int h = shape.Height, w = shape.Width, c = shape.Channels;
        var order = new int[h * w * c];
        for (int k = 0; k < c; k++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    order[(k * h + y) * w + x] = (y * w + x) * c + k;
        return order;
    }

    // nn.Linear's [units, inputs] element (o, p) reads PyTorch's flattened input p, our input order[p].
    private static int[] FlattenedKernel(LayerInfo layer, int[] order)
    {
        var map = new int[layer.Units * layer.Inputs];
        for (int o = 0; o < layer.Units; o++)
            for (int p = 0; p < layer.Inputs; p++)
                map[o * layer.Inputs + p] = layer.WeightOffset + order[p] * layer.Units + o;
        return map;
    }
}
