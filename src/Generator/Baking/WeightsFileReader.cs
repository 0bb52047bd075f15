using System;
using System.Collections.Generic;
using System.Globalization;
using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Baking;

/// <summary>
/// Reads a weights file's text into a <see cref="WeightsFile"/>: detects the format, checks the file
/// against the format (member names and types, rectangular kernels, finite numbers), and keeps the
/// values. Whether the file fits a declaration is <see cref="WeightsBinder"/>'s job.
/// </summary>
internal static partial class WeightsFileReader
{
    /// <summary>The <c>format</c> value of NeuralDsl's weights JSON.</summary>
    public const string FormatName = "neuraldsl.weights";

    /// <summary>The version of NeuralDsl's weights JSON this generator reads and the runtime writes.</summary>
    public const int FormatVersion = 1;

    public static WeightsFile Read(string path, string? text)
    {
        if (text is null) return WeightsFile.Failed(path, new WeightsProblem(WeightsProblemKind.InvalidJson, "the file could not be read"));
        JsonNode? root = JsonReader.Parse(text, out JsonError? error);
        if (root is null) return WeightsFile.Failed(path, new WeightsProblem(WeightsProblemKind.InvalidJson, error!.Message, error.Line, error.Column));
        try
        {
            if (root.Kind == JsonKind.Object && root.Member("format") is not null) return ReadNeuralDsl(path, root);
            if (root.Kind == JsonKind.Object && root.Member("in_shape") is not null && root.Member("layers") is not null) return ReadRTNeural(path, root);
            throw new ProblemException(WeightsProblemKind.UnknownFormat,
                $"it is neither NeuralDsl weights JSON (\"format\": \"{FormatName}\") nor an RTNeural model (\"in_shape\" and \"layers\")", root);
        }
        catch (ProblemException problem)
        {
            return WeightsFile.Failed(path, problem.Problem);
        }
    }

    private static JsonNode Required(JsonNode owner, string name, JsonKind kind, string context)
    {
        JsonNode? node = owner.Member(name);
        if (node is null) throw Malformed($"{context} has no \"{name}\"", owner);
        if (node.Kind != kind) throw Malformed($"{context}'s \"{name}\" is {JsonNode.Describe(node.Kind)}, expected {JsonNode.Describe(kind)}", node);
        return node;
    }

    private static int Integer(JsonNode node, string what)
    {
        if (node.Kind != JsonKind.Number || node.Double != Math.Floor(node.Double) || node.Double < 0 || node.Double > int.MaxValue)
            throw Malformed($"{what} must be a non-negative integer", node);
        return (int)node.Double;
    }

    /// <summary>A one-dimensional array of finite numbers.</summary>
    private static EquatableArray<float> Vector(JsonNode node, string what)
    {
        if (node.Kind != JsonKind.Array) throw Malformed($"{what} is {JsonNode.Describe(node.Kind)}, expected an array of numbers", node);
        var values = new float[node.Items.Count];
        for (int i = 0; i < values.Length; i++) values[i] = Finite(node.Items[i], $"{what}[{i}]");
        return new EquatableArray<float>(values);
    }

    /// <summary>A rectangular two-dimensional array of finite numbers, flattened row by row.</summary>
    private static EquatableArray<float> Matrix(JsonNode node, string what, out int rows, out int columns)
    {
        if (node.Kind != JsonKind.Array) throw Malformed($"{what} is {JsonNode.Describe(node.Kind)}, expected an array of rows", node);
        rows = node.Items.Count;
        columns = rows == 0 ? 0 : node.Items[0].Items.Count;
        var values = new float[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            JsonNode row = node.Items[r];
            if (row.Kind != JsonKind.Array) throw Malformed($"{what}[{r}] is {JsonNode.Describe(row.Kind)}, expected a row of numbers", row);
            if (row.Items.Count != columns) throw Malformed($"{what} is not rectangular: row {r} has {row.Items.Count} values, row 0 has {columns}", row);
            for (int c = 0; c < columns; c++) values[r * columns + c] = Finite(row.Items[c], $"{what}[{r}][{c}]");
        }
        return new EquatableArray<float>(values);
    }

    private static float Finite(JsonNode node, string what)
    {
        if (node.Kind != JsonKind.Number) throw Malformed($"{what} is {JsonNode.Describe(node.Kind)}, expected a number", node);
        if (float.IsNaN(node.Number) || float.IsInfinity(node.Number))
        {
            string value = float.IsNaN(node.Number) ? "NaN" : node.Text.StartsWith("-", StringComparison.Ordinal) ? "-Infinity" : "Infinity";
            string beyond = node.Text is "NaN" or "Infinity" or "-Infinity" ? "" : $" ({node.Text} is beyond float's range)";
            throw new ProblemException(WeightsProblemKind.NonFinite, $"{what} is {value}{beyond}", node);
        }
        return node.Number;
    }

    private static string Text(JsonNode node) => node.Kind == JsonKind.String ? node.Text : node.Text.Length > 0 ? node.Text : JsonNode.Describe(node.Kind);

    private static ProblemException Malformed(string message, JsonNode at) => new(WeightsProblemKind.Malformed, message, at);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class ProblemException : Exception
    {
        public ProblemException(WeightsProblemKind kind, string message, JsonNode at) =>
            Problem = new WeightsProblem(kind, message, at.Line, at.Column);

        public WeightsProblem Problem { get; }
    }
}
