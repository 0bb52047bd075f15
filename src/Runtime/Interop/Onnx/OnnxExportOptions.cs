namespace NeuralDsl.Interop.Onnx;

/// <summary>Names in an exported ONNX model, for servers that expect particular ones (Triton's model configuration, for example).</summary>
public sealed class OnnxExportOptions
{
    /// <summary>The graph input's name, a float tensor <c>[batch, InputSize]</c>. Default <c>"input"</c>.</summary>
    public string InputName { get; init; } = "input";

    /// <summary>The graph output's name, a float tensor <c>[batch, OutputSize]</c>. Default <c>"output"</c>.</summary>
    public string OutputName { get; init; } = "output";

    /// <summary>The symbolic name of the batch dimension, shared by input and output. Default <c>"batch"</c>.</summary>
    public string BatchDimension { get; init; } = "batch";
}
