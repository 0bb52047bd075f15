using System.Collections.Generic;
using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Baking;

// NeuralDsl's own weights JSON, version 1:
// { "format": "neuraldsl.weights", "version": 1, "inputs": 64,
//   "layers": [ { "kind": "Dense", "inputs": 64, "units": 32, "activation": "ReLU",
//                 "weights": [[...32 values...], ... 64 rows], "biases": [...], "slopes": [...] },
//               { "kind": "BatchNormalization", ..., "gamma": [...], "beta": [...], "mean": [...], "variance": [...] },
//               { "kind": "Dropout", ... }, { "kind": "Activation", ... } ] }
// One entry per declared layer; kind, inputs, units and activation are there to be checked.
internal static partial class WeightsFileReader
{
    private static readonly Dictionary<string, string[]> Arrays = new()
    {
        ["Dense"] = new[] { "weights", "biases", "slopes" },
        ["BatchNormalization"] = new[] { "gamma", "beta", "mean", "variance" },
        ["Dropout"] = new string[0],
        ["Activation"] = new string[0],
    };

    private static readonly string[] LayerHeader = { "kind", "inputs", "units", "activation" };

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
            throw new ProblemException(WeightsProblemKind.UnknownFormat, $"{context} has kind \"{kindNode.Text}\", which this NeuralDsl does not know (Dense, BatchNormalization, Dropout, Activation)", kindNode);
        foreach (KeyValuePair<string, JsonNode> member in node.Members)
        {
            if (System.Array.IndexOf(LayerHeader, member.Key) < 0 && System.Array.IndexOf(arrays, member.Key) < 0)
                throw Malformed($"{context} ({kindNode.Text}) has an unknown member \"{member.Key}\"", member.Value);
        }
        int inputs = Integer(Required(node, "inputs", JsonKind.Number, context), $"{context}'s \"inputs\"");
        int units = Integer(Required(node, "units", JsonKind.Number, context), $"{context}'s \"units\"");
        string activation = Required(node, "activation", JsonKind.String, context).Text;
        var layer = new WeightsLayer(kindNode.Text, inputs, units, activation, node.Line, node.Column);
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

    private static string Quote(JsonNode node) => node.Kind == JsonKind.String ? "\"" + node.Text + "\"" : Text(node);
}
