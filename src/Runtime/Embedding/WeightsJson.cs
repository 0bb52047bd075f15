using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace NeuralDsl.Embedding;

/// <summary>
/// Weights as JSON text, the form <see cref="NetworkAttribute.Weights"/> compiles into an assembly:
/// NeuralDsl's weights JSON, for every layer kind (written here, read here and by the generator), and
/// RTNeural's JSON model format for what RTNeural expresses: dense, batch normalisation, activations and
/// streaming LSTM/GRU networks (written here, read here and by the generator). Reading checks the file
/// against the network's declared layers and geometry and changes nothing unless every value fits.
/// </summary>
/// <example>
/// <code>
/// var net = new DigitsNet(seed: 1);
/// net.Fit(train);
/// net.ExportWeightsJson("digits.weights.json");   // then: [Network(Inputs = 64, Weights = "digits.weights.json")]
/// var again = new DigitsNet();
/// again.LoadWeightsJson("digits.weights.json");   // or an RTNeural model.json
/// </code>
/// </example>
public static partial class WeightsJson
{
    /// <summary>The <c>format</c> value of NeuralDsl's weights JSON.</summary>
    public const string FormatName = "neuraldsl.weights";

    /// <summary>The version of NeuralDsl's weights JSON this library writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// Writes <paramref name="network"/>'s parameters and state as NeuralDsl weights JSON to
    /// <paramref name="path"/>: written beside it first, then moved over it, so a failed export leaves
    /// an existing file as it was.
    /// </summary>
    /// <exception cref="InvalidOperationException">A parameter or state value is NaN or infinite (nothing is written).</exception>
    public static void ExportWeightsJson(this INetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = ToJson(network, WeightsJsonWriter.Write);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes <paramref name="network"/>'s parameters and state as NeuralDsl weights JSON (UTF-8) to <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidOperationException">A parameter or state value is NaN or infinite (nothing is written).</exception>
    public static void ExportWeightsJson(this INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = new UTF8Encoding(false).GetBytes(ToJson(network, WeightsJsonWriter.Write));
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>
    /// Writes <paramref name="network"/> as an RTNeural JSON model to <paramref name="path"/> (written beside
    /// it, then moved over it), for RTNeural's <c>json_parser::parseJson</c> or a <c>[Network(Weights = ...)]</c>
    /// declaration. RTNeural runs a model one step at a time: a recurrent network is written as its
    /// streaming form (<c>in_shape</c> [null, null, features]), what <c>Step</c> computes.
    /// </summary>
    /// <exception cref="InvalidOperationException">A parameter or state value is NaN or infinite (nothing is written).</exception>
    /// <exception cref="NotSupportedException">A layer has no RTNeural counterpart (convolution, pooling, SimpleRNN, a bidirectional or reset-before GRU layer, an embedding, an activation RTNeural lacks); the message names it.</exception>
    public static void ExportRTNeuralJson(this INetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = ToJson(network, RTNeuralJsonWriter.Write);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes <paramref name="network"/> as an RTNeural JSON model (UTF-8) to <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidOperationException">A parameter or state value is NaN or infinite (nothing is written).</exception>
    /// <exception cref="NotSupportedException">A layer has no RTNeural counterpart; the message names it.</exception>
    public static void ExportRTNeuralJson(this INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = new UTF8Encoding(false).GetBytes(ToJson(network, RTNeuralJsonWriter.Write));
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>
    /// Reads NeuralDsl weights JSON or an RTNeural JSON model from <paramref name="path"/> into
    /// <paramref name="network"/>'s parameters and state. The network is unchanged unless the whole file fits.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON, not in either format, holds a non-finite value, or does not fit the network's layers; the message says what and where.</exception>
    public static void LoadWeightsJson(this INetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        network.LoadWeightsJson(stream);
    }

    /// <summary>Reads NeuralDsl weights JSON or an RTNeural JSON model from <paramref name="stream"/> into <paramref name="network"/>; unchanged unless the whole document fits.</summary>
    /// <exception cref="InvalidDataException">The document is not valid JSON, not in either format, holds a non-finite value, or does not fit the network's layers.</exception>
    public static void LoadWeightsJson(this INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = 64 };
#if NET10_0_OR_GREATER
            // A member written twice is ambiguous; the generator's reader refuses it too.
            options.AllowDuplicateProperties = false;
#endif
            document = JsonDocument.Parse(stream, options);
#if !NET10_0_OR_GREATER
            // Before .NET 10 the parser cannot refuse a member written twice: look for one here.
            string? duplicate = FindDuplicateMember(document.RootElement);
            if (duplicate is not null)
            {
                document.Dispose();
                throw new InvalidDataException($"Not valid JSON: the member \"{duplicate}\" is written twice in one object.");
            }
#endif
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        using (document)
        {
            var parameters = new float[network.ParameterCount];
            var state = new float[network.State.Length];
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out _))
                ReadNeuralDsl(network, root, parameters, state);
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("in_shape", out _) && root.TryGetProperty("layers", out _))
                ReadRTNeural(network, root, parameters, state);
            else
                throw new InvalidDataException($"Neither NeuralDsl weights JSON (\"format\": \"{FormatName}\") nor an RTNeural model (\"in_shape\" and \"layers\").");
            parameters.CopyTo(network.Parameters);
            state.CopyTo(network.State);
        }
    }

    /// <summary>A layer as messages name it: "Layer 1 (Dense, 64 -> 32, ReLU)", "Layer 0 (LSTM, (100, 1) -> (8))".</summary>
    internal static string Describe(LayerInfo layer, int index) =>
        layer.Kind == LayerKind.Dense ? $"Layer {index} (Dense, {layer.Inputs} -> {layer.Units}, {layer.Activation})"
        : layer.InputShape.Rank > 1 || layer.OutputShape.Rank > 1 || layer.IsRecurrent ? $"Layer {index} ({layer.Kind}, {layer.InputShape} -> {layer.OutputShape})"
        : $"Layer {index} ({layer.Kind}, {layer.Units} units)";

    private static JsonElement Property(JsonElement owner, string name, JsonValueKind kind, string context)
    {
        if (owner.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{context} is {owner.ValueKind}, expected an object.");
        if (!owner.TryGetProperty(name, out JsonElement value)) throw new InvalidDataException($"{context} has no \"{name}\".");
        if (value.ValueKind != kind) throw new InvalidDataException($"{context}'s \"{name}\" is {value.ValueKind}, expected {kind}.");
        return value;
    }

    private static int Integer(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) && value >= 0
            ? value
            : throw new InvalidDataException($"{what} must be a non-negative integer.");

    /// <summary>Copies a vector of exactly <paramref name="count"/> finite numbers into <paramref name="target"/>.</summary>
    private static void Vector(JsonElement element, int count, Span<float> target, string what)
    {
        if (element.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{what} is {element.ValueKind}, expected an array of numbers.");
        int length = element.GetArrayLength();
        if (length != count) throw new InvalidDataException($"{what} has {length} values, the network needs {count}.");
        int i = 0;
        foreach (JsonElement item in element.EnumerateArray()) target[i] = Finite(item, $"{what}[{i++}]");
    }

    /// <summary>Copies an input-major [rows][columns] matrix of finite numbers into <paramref name="target"/>.</summary>
    private static void Matrix(JsonElement element, int rows, int columns, Span<float> target, string what)
    {
        if (element.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{what} is {element.ValueKind}, expected an array of rows.");
        int length = element.GetArrayLength();
        if (length != rows) throw new InvalidDataException($"{what} has {length} rows (inputs), the network needs {rows}.");
        int r = 0;
        foreach (JsonElement row in element.EnumerateArray())
        {
            Vector(row, columns, target.Slice(r * columns, columns), $"{what}[{r}]");
            r++;
        }
    }

    private static float Finite(JsonElement element, string what)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetSingle(out float value))
            throw new InvalidDataException($"{what} is {element.ValueKind}, expected a number.");
        return float.IsFinite(value) ? value : throw new InvalidDataException($"{what} ({element.GetRawText()}) is beyond float's range.");
    }

    private static string ToJson(INetwork network, Func<INetwork, string> write)
    {
        ReadOnlySpan<float> p = network.Parameters;
        ReadOnlySpan<float> st = network.State;
        for (int i = 0; i < p.Length; i++)
        {
            if (!float.IsFinite(p[i])) throw new InvalidOperationException($"Parameter {i} is {p[i]}: only finite weights can be exported.");
        }
        for (int i = 0; i < st.Length; i++)
        {
            if (!float.IsFinite(st[i])) throw new InvalidOperationException($"State value {i} is {st[i]}: only finite values can be exported.");
        }
        return write(network);
    }

#if !NET10_0_OR_GREATER
    private static string? FindDuplicateMember(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
                if (FindDuplicateMember(item) is string found) return found;
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object) return null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!names.Add(property.Name)) return property.Name;
            if (FindDuplicateMember(property.Value) is string found) return found;
        }
        return null;
    }
#endif
}
