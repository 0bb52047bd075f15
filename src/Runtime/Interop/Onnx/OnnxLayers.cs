using System;
using System.Globalization;

namespace NeuralDsl.Interop.Onnx;

/// <summary>
/// The ONNX operators of each layer kind and activation, at inference: what <c>Predict</c> computes,
/// value for value. Values and initializers of layer <c>i</c> are named <c>layers.i.*</c>. Image and
/// sequence values are channels-first between layers (see <see cref="OnnxWindowLayers"/>).
/// </summary>
internal static class OnnxLayers
{
    /// <summary>The prefix of every name the exporter gives to a weight or an intermediate value.</summary>
    public const string Prefix = "layers.";

    /// <summary>Adds the nodes of <paramref name="layer"/>, reading <paramref name="input"/>; returns the value it produces.</summary>
    public static string Add(OnnxGraph graph, int index, LayerInfo layer, string input, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        string name = Prefix + index.ToString(CultureInfo.InvariantCulture) + ".";
        string value = layer.Kind switch
        {
            LayerKind.Dense => Dense(graph, name, layer, input, parameters),
            LayerKind.BatchNormalization => BatchNormalization(graph, name, layer, input, parameters, state),
            // Inverted dropout scales in training, so inference is the identity: no node.
            LayerKind.Dropout => input,
            LayerKind.Activation => input,
            LayerKind.Conv2D or LayerKind.Conv1D => OnnxWindowLayers.Convolution(graph, name, layer, input, parameters),
            LayerKind.MaxPool2D or LayerKind.MaxPool1D or LayerKind.AveragePool2D or LayerKind.AveragePool1D => OnnxWindowLayers.Pool(graph, name, layer, input),
            LayerKind.GlobalAveragePooling2D or LayerKind.GlobalAveragePooling1D => OnnxWindowLayers.GlobalAveragePool(graph, name, input),
            // Our Flatten reads the channels-last order, so the following Dense kernel keeps its rows.
            LayerKind.Flatten => OnnxWindowLayers.ToChannelsLastVector(graph, name, input),
            LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => OnnxRecurrentLayers.Recurrent(graph, name, layer, input, parameters),
            LayerKind.Embedding => OnnxRecurrentLayers.Embedding(graph, name, layer, input, parameters),
            _ => throw new NotSupportedException($"Layer {index} is a {layer.Kind} layer, which the ONNX export does not support."),
        };
        return Activation(graph, name, layer, value, parameters);
    }

    // Gemm computes X W + C with W as stored, [inputs, units] (transB = 0); without biases, MatMul.
    private static string Dense(OnnxGraph graph, string name, LayerInfo layer, string input, ReadOnlySpan<float> parameters)
    {
        string kernel = graph.AddInitializer(name + "kernel", new long[] { layer.Inputs, layer.Units },
            parameters.Slice(layer.WeightOffset, layer.Inputs * layer.Units));
        if (!layer.UseBias) return graph.AddNode("MatMul", new[] { input, kernel }, name + "matmul");
        string bias = graph.AddInitializer(name + "bias", new long[] { layer.Units }, parameters.Slice(layer.BiasOffset, layer.Units));
        return graph.AddNode("Gemm", new[] { input, kernel, bias }, name + "gemm",
            OnnxAttribute.Of("transA", 0L), OnnxAttribute.Of("transB", 0L));
    }

    // Inference mode: the running statistics (training_mode = 0); the epsilon is a float32 attribute.
    // ONNX normalises axis 1: a vector's units, or the channels of the channels-first [batch, C, H, W].
    private static string BatchNormalization(OnnxGraph graph, string name, LayerInfo layer, string input, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state)
    {
        int channels = layer.OutputShape.Channels;
        long[] shape = { channels };
        string gamma = graph.AddInitializer(name + "gamma", shape, parameters.Slice(layer.WeightOffset, channels));
        string beta = graph.AddInitializer(name + "beta", shape, parameters.Slice(layer.BiasOffset, channels));
        string mean = graph.AddInitializer(name + "moving_mean", shape, state.Slice(layer.StateOffset, channels));
        string variance = graph.AddInitializer(name + "moving_variance", shape, state.Slice(layer.StateOffset + channels, channels));
        return graph.AddNode("BatchNormalization", new[] { input, gamma, beta, mean, variance }, name + "batchnorm",
            OnnxAttribute.Of("epsilon", layer.Epsilon), OnnxAttribute.Of("training_mode", 0L));
    }

    private static string Activation(OnnxGraph graph, string name, LayerInfo layer, string z, ReadOnlySpan<float> parameters)
    {
        string a = name + "activation";
        switch (layer.Activation)
        {
            case NeuralDsl.Activation.Linear: return z;
            case NeuralDsl.Activation.Sigmoid: return graph.AddNode("Sigmoid", new[] { z }, a);
            case NeuralDsl.Activation.Tanh: return graph.AddNode("Tanh", new[] { z }, a);
            case NeuralDsl.Activation.ReLU: return graph.AddNode("Relu", new[] { z }, a);
            case NeuralDsl.Activation.LeakyReLU: return graph.AddNode("LeakyRelu", new[] { z }, a, OnnxAttribute.Of("alpha", layer.Alpha));
            case NeuralDsl.Activation.ELU: return graph.AddNode("Elu", new[] { z }, a, OnnxAttribute.Of("alpha", layer.Alpha));
            case NeuralDsl.Activation.SELU:
                return graph.AddNode("Selu", new[] { z }, a,
                    OnnxAttribute.Of("alpha", Activations.SeluAlpha), OnnxAttribute.Of("gamma", Activations.SeluScale));
            case NeuralDsl.Activation.Softplus: return graph.AddNode("Softplus", new[] { z }, a);
            // From opset 13 Softmax normalises along one axis; the units axis of [batch, units] is 1.
            case NeuralDsl.Activation.Softmax: return graph.AddNode("Softmax", new[] { z }, a, OnnxAttribute.Of("axis", 1L));
            case NeuralDsl.Activation.PReLU:
                ReadOnlySpan<float> slopes = parameters.Slice(layer.SlopeOffset, layer.Units);
                TensorShape shape = layer.OutputShape;
                string slope = shape.Rank == 1
                    ? graph.AddInitializer(name + "slope", new long[] { layer.Units }, slopes)
                    : graph.AddInitializer(name + "slope", new long[] { shape.Channels, shape.Height, shape.Width }, OnnxWindowLayers.ChannelsFirstSlopes(shape, slopes));
                return graph.AddNode("PRelu", new[] { z, slope }, a);
            case NeuralDsl.Activation.Step:
                // 1 where z >= 0, else 0 (NaN gives 0), as Activations.Step: a comparison cast to float.
                string zero = graph.AddInitializer(name + "step_threshold", ReadOnlySpan<long>.Empty, new[] { 0f });
                string atLeastZero = graph.AddNode("GreaterOrEqual", new[] { z, zero }, name + "step_mask");
                return graph.AddNode("Cast", new[] { atLeastZero }, a, OnnxAttribute.Of("to", (long)TensorField.DataTypeFloat));
            default:
                throw new NotSupportedException($"The activation {layer.Activation} has no ONNX export.");
        }
    }
}
