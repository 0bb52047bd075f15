using NeuralDsl.Generator.Helpers;

namespace NeuralDsl.Generator.Model;

/// <summary>
/// A validated, fully laid-out network declaration: the cache boundary of the incremental pipeline.
/// Holds only values (no symbols, syntax or locations), so equal declarations give equal models.
/// </summary>
internal sealed record NetworkModel(
    string? Namespace,
    string ClassName,
    int Inputs,
    LossKind Loss,
    float LearningRate,
    int Seed,
    float HuberDelta,
    EquatableArray<LayerModel> Layers)
{
    public LayerModel Output => Layers[Layers.Count - 1];

    public int OutputSize => Output.Units;

    public int ParameterCount => Output.ParameterOffset + Output.ParameterCount;

    public bool IsTrainable => Loss != LossKind.None;

    /// <summary>Values per target sample: one class index for the sparse loss, else one per output.</summary>
    public int TargetSize => Loss == LossKind.SparseCategoricalCrossEntropy ? 1 : OutputSize;

    public string FullName => Namespace is null ? ClassName : Namespace + "." + ClassName;
}

/// <summary>How one parameter group (weights or biases) is initialised: a concrete kind and its two arguments.</summary>
internal readonly record struct InitSpec(InitKind Kind, float First, float Second);

/// <summary>One layer with its resolved activation parameter, initialisers and parameter offset.</summary>
internal sealed record LayerModel(
    int Index,
    LayerKind Kind,
    int Inputs,
    int Units,
    ActivationKind Activation,
    float Alpha,
    InitSpec WeightInit,
    InitSpec BiasInit,
    int ParameterOffset)
{
    public int WeightCount => Inputs * Units;

    public int WeightOffset => ParameterOffset;

    public int BiasOffset => ParameterOffset + WeightCount;

    public bool HasSlopes => Activation == ActivationKind.PReLU;

    public int SlopeOffset => BiasOffset + Units;

    public int ParameterCount => WeightCount + Units + (HasSlopes ? Units : 0);
}
