using System.Collections.Generic;
using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Baking;

// NeuralDsl's own weights JSON, version 1:
// { "format": "neuraldsl.weights", "version": 1, "inputs": 64,
//   "layers": [ { "kind": "Dense", "inputs": 64, "units": 32, "activation": "ReLU",
//                 "weights": [[...32 values...], ... 64 rows], "biases": [...], "slopes": [...] },
//               { "kind": "BatchNormalization", ..., "gamma": [...], "beta": [...], "mean": [...], "variance": [...] },
//               { "kind": "Dropout", ... }, { "kind": "Activation", ... },
//               { "kind": "Conv2D", ..., "inputShape": [28, 28, 1], "outputShape": [26, 26, 8], "kernelSize": 3, "strides": 1,
//                 "padding": "Valid", "weights": [[...8 filters...], ... 3 x 3 x 1 rows], "biases": [...] },
//               { "kind": "GRU", ..., "returnSequences": false, "bidirectional": true, "resetAfter": true, "kernel": [...],
//                 "recurrentKernel": [...], "biases": [[...], [...]], "backwardKernel": ..., ... },
//               { "kind": "Embedding", ..., "table": [[...], ... one row per token] } ] }
// One entry per declared layer; kind, inputs, units, activation and the geometry are there to be checked.
internal static partial class WeightsFileReader
{
    private static readonly string[] Recurrent = { "kernel", "recurrentKernel", "biases", "backwardKernel", "backwardRecurrentKernel", "backwardBiases" };

    private static readonly string[] Convolution = { "weights", "biases", "slopes" };

    private static readonly string[] None = new string[0];

    private static readonly Dictionary<string, string[]> Arrays = new()
    {
        ["Dense"] = Convolution,
        ["BatchNormalization"] = new[] { "gamma", "beta", "mean", "variance" },
        ["Dropout"] = None,
        ["Activation"] = None,
        ["Conv2D"] = Convolution,
        ["Conv1D"] = Convolution,
        ["MaxPool2D"] = None,
        ["AveragePool2D"] = None,
        ["MaxPool1D"] = None,
        ["AveragePool1D"] = None,
        ["GlobalAveragePooling2D"] = None,
        ["GlobalAveragePooling1D"] = None,
        ["Flatten"] = None,
        ["SimpleRNN"] = Recurrent,
        ["LSTM"] = Recurrent,
        ["GRU"] = Recurrent,
        ["Embedding"] = new[] { "table" },
    };

    private static readonly string[] LayerHeader = { "kind", "inputs", "units", "activation" };

    /// <summary>Members that fix an image or sequence layer's geometry: checked against the declaration, like the header.</summary>
    private static readonly string[] GeometryMembers = { "inputShape", "outputShape", "kernelSize", "strides", "padding", "returnSequences", "bidirectional", "resetAfter" };

    private static WeightsFile ReadNeuralDsl(string path, JsonNode root)
    {
        JsonNode format = root.Member("format")!;
        if (format.Kind != JsonKind.String || format.Text != FormatName)
            throw new ProblemException(WeightsProblemKind.UnknownFormat, $"\"format\" is {Quote(format)}, expected \"{FormatName}\"", format);
        JsonNode version = Required(root, "version", JsonKind.Number, "the file");
        if (version.Double != FormatVersion)
            throw new ProblemException(WeightsProblemKind.UnknownFormat, $"version {version.Text} is not supported: this NeuralDsl reads version {FormatVersion}", version);
        foreach (KeyValuePair<string, JsonNode> member in root.Members)
        {
            if (member.Key is not ("format" or "version" or "inputs" or "layers"))
                throw Malformed($"unknown member \"{member.Key}\" (expected format, version, inputs, layers)", member.Value);
        }
        int inputs = Integer(Required(root, "inputs", JsonKind.Number, "the file"), "\"inputs\"");
        JsonNode layers = Required(root, "layers", JsonKind.Array, "the file");
        var read = new List<WeightsLayer>(layers.Items.Count);
        for (int i = 0; i < layers.Items.Count; i++) read.Add(ReadNeuralDslLayer(layers.Items[i], i));
        return new WeightsFile(path, WeightsFormat.NeuralDsl, inputs, new EquatableArray<WeightsLayer>(read), null);
    }

    private static WeightsLayer ReadNeuralDslLayer(JsonNode node, int index)
    {
        string context = $"layer {Format(index)}";
        if (node.Kind != JsonKind.Object) throw Malformed($"{context} is {JsonNode.Describe(node.Kind)}, expected an object", node);
        JsonNode kindNode = Required(node, "kind", JsonKind.String, context);
        if (!Arrays.TryGetValue(kindNode.Text, out string[]? arrays))
            throw new ProblemException(WeightsProblemKind.UnknownFormat, $"{context} has kind \"{kindNode.Text}\", which this NeuralDsl does not know ({string.Join(", ", Arrays.Keys)})", kindNode);
        foreach (KeyValuePair<string, JsonNode> member in node.Members)
        {
            if (System.Array.IndexOf(LayerHeader, member.Key) < 0 && System.Array.IndexOf(arrays, member.Key) < 0 && System.Array.IndexOf(GeometryMembers, member.Key) < 0)
                throw Malformed($"{context} ({kindNode.Text}) has an unknown member \"{member.Key}\"", member.Value);
        }
        int inputs = Integer(Required(node, "inputs", JsonKind.Number, context), $"{context}'s \"inputs\"");
        int units = Integer(Required(node, "units", JsonKind.Number, context), $"{context}'s \"units\"");
        string activation = Required(node, "activation", JsonKind.String, context).Text;
        var geometry = new List<string>();
        foreach (KeyValuePair<string, JsonNode> member in node.Members)
        {
            if (System.Array.IndexOf(GeometryMembers, member.Key) >= 0) geometry.Add(member.Key + "=" + Canonical(member.Value));
        }
        var layer = new WeightsLayer(kindNode.Text, inputs, units, activation, node.Line, node.Column) { Geometry = new EquatableArray<string>(geometry.ToArray()) };
        if (kindNode.Text != "Dense" && kindNode.Text != "BatchNormalization")
        {
            var named = new List<WeightsArray>();
            foreach (KeyValuePair<string, JsonNode> member in node.Members)
            {
                if (System.Array.IndexOf(arrays, member.Key) < 0) continue;
                JsonNode value = member.Value;
                bool matrix = value.Kind == JsonKind.Array && value.Items.Count > 0 && value.Items[0].Kind == JsonKind.Array;
                int rows = 0, columns = 0;
                EquatableArray<float> values = matrix
                    ? Matrix(value, $"{context}'s {member.Key}", out rows, out columns)
                    : Vector(value, $"{context}'s {member.Key}");
                if (!matrix) columns = values.Count;
                named.Add(new WeightsArray(member.Key, values, rows, columns, value.Line, value.Column));
            }
            return layer with { Arrays = new EquatableArray<WeightsArray>(named.ToArray()) };
        }
        if (kindNode.Text == "Dense")
        {
            EquatableArray<float> weights = Matrix(Required(node, "weights", JsonKind.Array, context), $"{context}'s weights", out int rows, out int columns);
            if (rows != inputs || (rows > 0 && columns != units))
                throw Malformed($"{context}'s weights are {Format(rows)} x {Format(columns)}, but the layer states inputs = {Format(inputs)} and units = {Format(units)} (weights are [inputs][units])", node.Member("weights")!);
            JsonNode? biases = node.Member("biases");
            JsonNode? slopes = node.Member("slopes");
            layer = layer with
            {
                Weights = weights,
                HasBiases = biases is not null,
                Biases = biases is null ? default : Vector(biases, $"{context}'s biases"),
                Slopes = slopes is null ? default : Vector(slopes, $"{context}'s slopes"),
            };
        }
        else if (kindNode.Text == "BatchNormalization")
        {
            layer = layer with
            {
                Gamma = Vector(Required(node, "gamma", JsonKind.Array, context), $"{context}'s gamma"),
                Beta = Vector(Required(node, "beta", JsonKind.Array, context), $"{context}'s beta"),
                Mean = Vector(Required(node, "mean", JsonKind.Array, context), $"{context}'s mean"),
                Variance = Vector(Required(node, "variance", JsonKind.Array, context), $"{context}'s variance"),
            };
        }
        return layer;
    }

    /// <summary>A geometry member's value as the runtime writes it: "[28, 28, 1]", "3", "\"Same\"", "true".</summary>
    private static string Canonical(JsonNode node) => node.Kind switch
    {
        JsonKind.Array => "[" + string.Join(", ", node.Items.ConvertAll(Canonical)) + "]",
        JsonKind.String => "\"" + node.Text + "\"",
        JsonKind.True => "true",
        JsonKind.False => "false",
        JsonKind.Null => "null",
        JsonKind.Object => "an object",
        _ => node.Text,
    };

    private static string Quote(JsonNode node) => node.Kind == JsonKind.String ? "\"" + node.Text + "\"" : Text(node);
}
