using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using NeuralDsl;

namespace NeuralDsl.Tests.Reference;

/// <summary>One layer as tests/reference/make_reference.py declared it; entries the script leaves out are at their defaults.</summary>
public sealed class ReferenceLayer
{
    public required int Units { get; init; }
    public required Activation Activation { get; init; }
    public required float Alpha { get; init; }
    public LayerKind Kind { get; init; } = LayerKind.Dense;
    public bool UseBias { get; init; } = true;
    public float KernelL1 { get; init; }
    public float KernelL2 { get; init; }
    public float BiasL1 { get; init; }
    public float BiasL2 { get; init; }

    /// <summary>Batch normalisation's momentum, Keras' (the weight of the old running value); 0 for other kinds, as in <see cref="LayerInfo"/>.</summary>
    public float Momentum { get; init; }

    /// <summary>Batch normalisation's epsilon; 0 for other kinds.</summary>
    public float Epsilon { get; init; }
}

/// <summary>The declared optimiser and its resolved hyperparameters (PyTorch's defaults where the declaration leaves NaN).</summary>
public sealed class ReferenceOptimizer
{
    /// <summary>What a network without an "optimizer" entry declares: SGD without momentum or weight decay.</summary>
    public static ReferenceOptimizer PlainSgd { get; } = new() { Kind = Optimizer.Sgd };

    public required Optimizer Kind { get; init; }
    public float Momentum { get; init; }
    public bool Nesterov { get; init; }
    public float Beta1 { get; init; }
    public float Beta2 { get; init; }
    public float Epsilon { get; init; }
    public float WeightDecay { get; init; }
}

/// <summary>
/// One file written by tests/reference/make_reference.py: a network's float32 parameters, inputs and
/// targets, and what PyTorch computed from them in float64. Arrays are flat and row-major, in PyTorch's
/// order (a dense weight is [out, in]); <see cref="Load"/> transposes dense weights into the network's
/// input-major layout ([in, out], Keras' kernel layout), so the script never needs our layout. The training members are absent for inference-only networks; the
/// optimiser and per-step parameters only appear for networks not trained by plain SGD, and the state
/// members only for networks with batch normalisation (whose <see cref="Loss"/>, <see cref="StepLosses"/>
/// and <see cref="TrainingOutputs"/> are in training mode, <see cref="InferenceLoss"/> in inference mode;
/// elsewhere the training outputs are <see cref="Outputs"/>).
/// </summary>
public sealed class ReferenceCase
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public required string Name { get; init; }
    public required string Notes { get; init; }
    public required int InputSize { get; init; }
    public required ReferenceLayer[] Layers { get; init; }
    public required Loss LossFunction { get; init; }
    public required float LearningRate { get; init; }
    public required float HuberDelta { get; init; }
    public required int Batch { get; init; }
    public required int Steps { get; init; }

    public required float[] Parameters { get; init; }
    public required float[] Inputs { get; init; }
    public required float[] Targets { get; init; }
    public required double[] Outputs { get; init; }

    public ReferenceOptimizer? Optimizer { get; init; }
    public float[]? State { get; init; }

    public double? Loss { get; init; }
    public double? InferenceLoss { get; init; }
    public double[]? Gradients { get; init; }
    public double[]? TrainingOutputs { get; init; }
    public double[]? StepLosses { get; init; }
    public double[]? ParametersAfter { get; init; }
    public double[][]? ParametersAfterEachStep { get; init; }
    public double[]? StateAfter { get; init; }
    public double[]? OutputsAfter { get; init; }
    public double? InferenceLossAfter { get; init; }

    /// <summary>The folder the test project copies the JSON files to.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Reference");

    public static ReferenceCase Load(string name)
    {
        string path = Path.Combine(Folder, name + ".json");
        ReferenceCase? reference = JsonSerializer.Deserialize<ReferenceCase>(File.ReadAllText(path), Options);
        if (reference is null) throw new InvalidDataException($"{path} holds no reference.");
        reference.ToNetworkLayout(reference.Parameters);
        reference.ToNetworkLayout(reference.Gradients);
        reference.ToNetworkLayout(reference.ParametersAfter);
        foreach (double[] step in reference.ParametersAfterEachStep ?? []) reference.ToNetworkLayout(step);
        return reference;
    }

    /// <summary>Transposes every dense layer's weights in a parameter-shaped array from [out, in] to [in, out].</summary>
    private void ToNetworkLayout<T>(T[]? flat)
    {
        if (flat is null) return;
        int fanIn = InputSize, offset = 0;
        foreach (ReferenceLayer layer in Layers)
        {
            int units = layer.Units;
            if (layer.Kind == LayerKind.Dense)
            {
                T[] weights = flat.AsSpan(offset, fanIn * units).ToArray();
                for (int j = 0; j < units; j++)
                    for (int i = 0; i < fanIn; i++) flat[offset + i * units + j] = weights[j * fanIn + i];
                offset += fanIn * units + (layer.UseBias ? units : 0);
            }
            else if (layer.Kind == LayerKind.BatchNormalization)
            {
                offset += 2 * units;
            }
            if (layer.Activation == Activation.PReLU) offset += units;
            fanIn = units;
        }
        if (offset != flat.Length) throw new InvalidDataException($"{Name}: the layers account for {offset} parameters, the array has {flat.Length}.");
    }
}
