using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Baking;

internal enum WeightsFormat
{
    /// <summary>NeuralDsl's weights JSON (<c>"format": "neuraldsl.weights"</c>), one entry per declared layer.</summary>
    NeuralDsl,

    /// <summary>RTNeural's JSON model format (<c>in_shape</c> and <c>layers</c>), as its Keras and PyTorch exporters write it.</summary>
    RTNeural,
}

/// <summary>What can be wrong with a weights file, each with its diagnostic.</summary>
internal enum WeightsProblemKind
{
    /// <summary>No AdditionalFiles item matches (ND801).</summary>
    Missing,

    /// <summary>Not valid JSON (ND802).</summary>
    InvalidJson,

    /// <summary>Neither known format, another version, or a layer type NeuralDsl has not (ND803).</summary>
    UnknownFormat,

    /// <summary>Valid JSON that does not follow the format (ND808).</summary>
    Malformed,

    /// <summary>A NaN or infinite value (ND805).</summary>
    NonFinite,

    /// <summary>The file's layers, shapes or counts differ from the declaration (ND804).</summary>
    Mismatch,

    /// <summary>More than one AdditionalFiles item matches (ND807).</summary>
    Ambiguous,
}

/// <summary>Why a weights file cannot be baked into a network, and where in the file (line 0: nowhere in particular).</summary>
internal sealed record WeightsProblem(WeightsProblemKind Kind, string Message, int Line = 0, int Column = 0)
{
    public string Where => Line > 0 ? $" (line {Line}, position {Column})" : "";
}

/// <summary>
/// One layer of a weights file, in the file's own terms: for NeuralDsl's format a declared layer
/// (Kind "Dense", "BatchNormalization", "Dropout" or "Activation"); for RTNeural's one of its layers
/// ("dense", "activation", "prelu", "batchnorm", "lstm", "gru"). Dense weights are input-major, <c>Inputs</c> rows of
/// <c>Units</c> values, in both; a recurrent kernel has <c>Inputs</c> rows of gates x units. Arrays the layer does not have are empty.
/// </summary>
internal sealed record WeightsLayer(string Kind, int Inputs, int Units, string Activation, int Line, int Column)
{
    public EquatableArray<float> Weights { get; init; }

    public bool HasBiases { get; init; }

    public EquatableArray<float> Biases { get; init; }

    /// <summary>A recurrent layer's recurrent kernel, [units][gates x units] (RTNeural's lstm and gru).</summary>
    public EquatableArray<float> RecurrentWeights { get; init; }

    /// <summary>Rows of <see cref="Biases"/>: 1, or 2 for a GRU whose reset gate comes after the recurrent product (input bias, then recurrent bias).</summary>
    public int BiasRows { get; init; } = 1;

    public EquatableArray<float> Slopes { get; init; }

    public EquatableArray<float> Gamma { get; init; }

    public EquatableArray<float> Beta { get; init; }

    public EquatableArray<float> Mean { get; init; }

    public EquatableArray<float> Variance { get; init; }

    /// <summary>An image or sequence layer's geometry members as "name=value", value as written canonically (NeuralDsl's format): shapes, window, recurrent form.</summary>
    public EquatableArray<string> Geometry { get; init; }

    /// <summary>The named arrays of a convolution, recurrent or embedding layer (NeuralDsl's format), in the file's order.</summary>
    public EquatableArray<WeightsArray> Arrays { get; init; }

    /// <summary>Batch normalisation's epsilon as the file states it (RTNeural); NaN when the format does not state it.</summary>
    public float Epsilon { get; init; } = float.NaN;

    public string Where => $"line {Line}, position {Column}";
}

/// <summary>
/// A weights file as read once per change of its text: the cache boundary of the baking pipeline.
/// Either its layers (<see cref="Problem"/> null) or the problem that makes it unusable.
/// </summary>
internal sealed record WeightsFile(string Path, WeightsFormat Format, int Inputs, EquatableArray<WeightsLayer> Layers, WeightsProblem? Problem)
{
    public static WeightsFile Failed(string path, WeightsProblem problem) => new(path, WeightsFormat.NeuralDsl, 0, default, problem);
}

/// <summary>One named array of a layer in NeuralDsl's format, flattened row by row (Rows 0: a vector of Columns values), with where it starts.</summary>
internal sealed record WeightsArray(string Name, EquatableArray<float> Values, int Rows, int Columns, int Line, int Column);
