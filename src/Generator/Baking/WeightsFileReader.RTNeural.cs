using System.Collections.Generic;
using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Baking;

// RTNeural's JSON model format (RTNeural's model_loader.h and python/model_utils.py): "in_shape" ends
// with the input width; each of "layers" has a "type", a "shape" ending with its width, "weights" (the
// layer's Keras get_weights(): a dense kernel [inputs][units] and a bias vector; batchnorm's gamma,
// beta, running mean, running variance, or only the last two when not affine; prelu's slopes; an lstm's
// or gru's kernel, recurrent kernel and bias) and an optional "activation" applied after it ("" for none;
// RTNeural's lstm and gru ignore it). Members this reader does not use are ignored,
// as RTNeural does.
internal static partial class WeightsFileReader
{
    private static WeightsFile ReadRTNeural(string path, JsonNode root)
    {
        JsonNode shape = Required(root, "in_shape", JsonKind.Array, "the model");
        int inputs = LastDimension(shape, "\"in_shape\"");
        JsonNode layers = Required(root, "layers", JsonKind.Array, "the model");
        var read = new List<WeightsLayer>(layers.Items.Count);
        for (int i = 0; i < layers.Items.Count; i++) read.Add(ReadRTNeuralLayer(layers.Items[i], i));
        return new WeightsFile(path, WeightsFormat.RTNeural, inputs, new EquatableArray<WeightsLayer>(read), null);
    }

    private static WeightsLayer ReadRTNeuralLayer(JsonNode node, int index)
    {
        string context = $"layer {Format(index)}";
        if (node.Kind != JsonKind.Object) throw Malformed($"{context} is {JsonNode.Describe(node.Kind)}, expected an object", node);
        JsonNode type = Required(node, "type", JsonKind.String, context);
        int units = LastDimension(Required(node, "shape", JsonKind.Array, context), $"{context}'s \"shape\"");
        string activation = "";
        if (node.Member("activation") is { } activationNode)
        {
            if (activationNode.Kind != JsonKind.String) throw Malformed($"{context}'s \"activation\" is {JsonNode.Describe(activationNode.Kind)}, expected a string", activationNode);
            activation = activationNode.Text;
        }
        var layer = new WeightsLayer(type.Text, -1, units, activation, node.Line, node.Column);
        context = $"{context} ({type.Text})";
        switch (type.Text)
        {
            case "dense":
            case "time-distributed-dense":
            {
                JsonNode weights = Required(node, "weights", JsonKind.Array, context);
                if (weights.Items.Count != 2) throw Malformed($"{context} has {Format(weights.Items.Count)} weight arrays, expected 2 (kernel, bias)", weights);
                EquatableArray<float> kernel = Matrix(weights.Items[0], $"{context}'s kernel", out int rows, out int columns);
                if (rows > 0 && columns != units)
                    throw Malformed($"{context}'s kernel has {Format(columns)} columns, but its shape says {Format(units)} units", weights.Items[0]);
                return layer with { Kind = "dense", Inputs = rows, Weights = kernel, HasBiases = true, Biases = Vector(weights.Items[1], $"{context}'s bias") };
            }
            case "activation":
                return layer;
            case "lstm":
            case "gru":
                return ReadRTNeuralRecurrent(node, layer, context, type.Text == "lstm" ? 4 : 3);
            case "conv1d":
            case "conv2d":
            case "batchnorm2d":
                throw new ProblemException(WeightsProblemKind.UnknownFormat,
                    $"{context}: RTNeural's {type.Text} works on the stream of steps with state between calls (a causal convolution); NeuralDsl has no counterpart of it", type);
            case "prelu":
            {
                JsonNode weights = Required(node, "weights", JsonKind.Array, context);
                JsonNode? alpha = weights.Items.Count == 1 ? weights.Items[0] : null;
                // Keras' PReLU weights are [alpha]; RTNeural reads weights[0][0], so alpha may also come wrapped in one more array.
                if (alpha is { Kind: JsonKind.Array } && alpha.Items.Count == 1 && alpha.Items[0].Kind == JsonKind.Array) alpha = alpha.Items[0];
                if (alpha is null) throw Malformed($"{context} has {Format(weights.Items.Count)} weight arrays, expected 1 (the slopes)", weights);
                return layer with { Slopes = Vector(alpha, $"{context}'s slopes") };
            }
            case "batchnorm":
            {
                JsonNode weights = Required(node, "weights", JsonKind.Array, context);
                float epsilon = Finite(Required(node, "epsilon", JsonKind.Number, context), $"{context}'s epsilon");
                if (weights.Items.Count == 4)
                {
                    return layer with
                    {
                        Gamma = Vector(weights.Items[0], $"{context}'s gamma"),
                        Beta = Vector(weights.Items[1], $"{context}'s beta"),
                        Mean = Vector(weights.Items[2], $"{context}'s running mean"),
                        Variance = Vector(weights.Items[3], $"{context}'s running variance"),
                        Epsilon = epsilon,
                    };
                }
                if (weights.Items.Count == 2)
                {
                    // Not affine: gamma 1 and beta 0.
                    var ones = new float[units];
                    for (int i = 0; i < units; i++) ones[i] = 1f;
                    return layer with
                    {
                        Gamma = new EquatableArray<float>(ones),
                        Beta = new EquatableArray<float>(new float[units]),
                        Mean = Vector(weights.Items[0], $"{context}'s running mean"),
                        Variance = Vector(weights.Items[1], $"{context}'s running variance"),
                        Epsilon = epsilon,
                    };
                }
                throw Malformed($"{context} has {Format(weights.Items.Count)} weight arrays, expected 4 (gamma, beta, mean, variance) or 2 (mean, variance)", weights);
            }
            default:
                throw new ProblemException(WeightsProblemKind.UnknownFormat,
                    $"{context}: NeuralDsl has no counterpart of RTNeural layer type \"{type.Text}\" (it reads dense, activation, prelu, batchnorm, lstm and gru)", type);
        }
    }

    /// <summary>
    /// An lstm or gru: Keras' kernel [inputs][gates x units], recurrent kernel [units][gates x units] and bias
    /// (RTNeural's gru reads two rows, input then recurrent bias: Keras' reset_after=True). RTNeural computes
    /// them with tanh whatever "activation" says, so another activation is refused rather than ignored.
    /// </summary>
    private static WeightsLayer ReadRTNeuralRecurrent(JsonNode node, WeightsLayer layer, string context, int gates)
    {
        if (layer.Activation is not ("" or "tanh"))
            throw Malformed($"{context}'s activation is \"{layer.Activation}\"; RTNeural and NeuralDsl compute recurrent layers with tanh only", node.Member("activation")!);
        JsonNode weights = Required(node, "weights", JsonKind.Array, context);
        if (weights.Items.Count != 3) throw Malformed($"{context} has {Format(weights.Items.Count)} weight arrays, expected 3 (kernel, recurrent kernel, bias)", weights);
        int columns = gates * layer.Units;
        EquatableArray<float> kernel = Matrix(weights.Items[0], $"{context}'s kernel", out int rows, out int kernelColumns);
        if (rows > 0 && kernelColumns != columns)
            throw Malformed($"{context}'s kernel has {Format(kernelColumns)} columns, but {Format(gates)} gates of the {Format(layer.Units)} units its shape says need {Format(columns)}", weights.Items[0]);
        EquatableArray<float> recurrent = Matrix(weights.Items[1], $"{context}'s recurrent kernel", out int recurrentRows, out int recurrentColumns);
        if (recurrentRows != layer.Units || (recurrentRows > 0 && recurrentColumns != columns))
            throw Malformed($"{context}'s recurrent kernel is {Format(recurrentRows)} x {Format(recurrentColumns)}, expected {Format(layer.Units)} x {Format(columns)}", weights.Items[1]);
        JsonNode bias = weights.Items[2];
        int biasRows = 1;
        EquatableArray<float> biases;
        if (gates == 3)
        {
            if (bias.Kind == JsonKind.Array && bias.Items.Count > 0 && bias.Items[0].Kind == JsonKind.Number)
                throw Malformed($"{context}'s bias is one row (a Keras GRU with reset_after=False); RTNeural's gru reads two rows, the input bias then the recurrent bias", bias);
            biases = Matrix(bias, $"{context}'s bias", out biasRows, out int biasColumns);
            if (biasRows != 2 || biasColumns != columns)
                throw Malformed($"{context}'s bias is {Format(biasRows)} x {Format(biasColumns)}, expected 2 x {Format(columns)} (input bias, recurrent bias)", bias);
        }
        else
        {
            biases = Vector(bias, $"{context}'s bias");
            if (biases.Count != columns) throw Malformed($"{context}'s bias has {Format(biases.Count)} values, expected {Format(columns)}", bias);
        }
        return layer with { Inputs = rows, Weights = kernel, RecurrentWeights = recurrent, HasBiases = true, Biases = biases, BiasRows = biasRows };
    }

    /// <summary>The last entry of a Keras shape such as <c>[null, 64]</c>: the width of one sample.</summary>
    private static int LastDimension(JsonNode shape, string what)
    {
        if (shape.Items.Count == 0) throw Malformed($"{what} is empty", shape);
        return Integer(shape.Items[shape.Items.Count - 1], $"the last entry of {what}");
    }
}
