using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using NeuralDsl;

namespace NeuralDsl.Tests.Reference;

/// <summary>One layer as tests/reference/make_reference.py declared it.</summary>
public sealed class ReferenceLayer
{
    public required int Units { get; init; }
    public required Activation Activation { get; init; }
    public required float Alpha { get; init; }
}

/// <summary>
/// One file written by tests/reference/make_reference.py: a network's float32 parameters, inputs and
/// targets, and what PyTorch computed from them in float64. Arrays are flat and row-major, laid out
/// like the network's spans. The training members are absent for inference-only networks.
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

    public double? Loss { get; init; }
    public double[]? Gradients { get; init; }
    public double[]? StepLosses { get; init; }
    public double[]? ParametersAfter { get; init; }

    /// <summary>The folder the test project copies the JSON files to.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Reference");

    public static ReferenceCase Load(string name)
    {
        string path = Path.Combine(Folder, name + ".json");
        ReferenceCase? reference = JsonSerializer.Deserialize<ReferenceCase>(File.ReadAllText(path), Options);
        return reference ?? throw new InvalidDataException($"{path} holds no reference.");
    }
}
