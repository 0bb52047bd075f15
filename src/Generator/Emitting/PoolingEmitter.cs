using System.Collections.Generic;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Emits max or average pooling (2-D, or 1-D as height 1) as calls to <c>ConvolutionKernels</c>, one
/// sample at a time, with the window a static readonly field (<c>LayerNGeometry</c>). No parameters.
/// </summary>
internal sealed class PoolingEmitter : ILayerEmitter
{
    private const string Kernels = "global::NeuralDsl.ConvolutionKernels";

    public static readonly PoolingEmitter Instance = new();

    private PoolingEmitter()
    {
    }

    public string Describe(LayerModel layer)
    {
        Window w = layer.Window;
        bool oneD = layer.InputShape.Rank == 2;
        string window = oneD ? $"{w.KernelWidth}" : $"{w.KernelHeight}x{w.KernelWidth}";
        string strides = oneD ? $"{w.StrideWidth}" : $"{w.StrideHeight}x{w.StrideWidth}";
        return $"Layer {layer.Index}: {layer.Kind} {layer.InputShape} -> {layer.OutputShape}, window {window}, strides {strides}, {w.Padding}.";
    }

    /// <summary>The geometry field the kernels read, declared among the constants.</summary>
    public static string GeometryDeclaration(LayerModel layer)
    {
        Window w = layer.Window;
        Shape input = layer.InputShape, output = layer.OutputShape;
        return $"private static readonly global::NeuralDsl.Pool2DGeometry {ConvolutionEmitter.Geometry(layer)} = new(" +
            $"InH: {input.Height}, InW: {input.Width}, C: {input.Channels}, PoolH: {w.KernelHeight}, PoolW: {w.KernelWidth}, " +
            $"StrideH: {w.StrideHeight}, StrideW: {w.StrideWidth}, PadTop: {w.PadTop}, PadLeft: {w.PadLeft}, OutH: {output.Height}, OutW: {output.Width});";
    }

    private static bool IsMax(LayerModel layer) => layer.Kind is LayerKind.MaxPool2D or LayerKind.MaxPool1D;

    private static string Forward(LayerModel layer, string x, string y) =>
        $"{Kernels}.{(IsMax(layer) ? "MaxPool2DForward" : "AveragePool2DForward")}({x}, {y}, in {ConvolutionEmitter.Geometry(layer)});";

    public void EmitInitialization(SourceWriter writer, LayerModel layer)
    {
    }

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z) => writer.WriteLine(Forward(layer, x, z));

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations) => false;

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        LayerEmitters.Rows(writer, () => writer.WriteLine(Forward(layer, "xr", "zr")), (x, "xr", layer.Inputs), (z, "zr", layer.Units));

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        EmitInferenceBatchTransform(writer, layer, spans.Input, spans.Z);

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        if (spans.PreviousD is null) return; // no parameters, and no layer before to pass a gradient to
        string geometry = ConvolutionEmitter.Geometry(layer);
        if (IsMax(layer))
        {
            // The maximum's position is found again from the input, so the forward pass keeps no indices.
            LayerEmitters.Rows(writer, () => writer.WriteLine($"{Kernels}.MaxPool2DBackward(xr, dr, dx, in {geometry});"),
                (spans.Input, "xr", layer.Inputs), (spans.D, "dr", layer.Units), (spans.PreviousD, "dx", layer.Inputs));
            return;
        }
        LayerEmitters.Rows(writer, () => writer.WriteLine($"{Kernels}.AveragePool2DBackward(dr, dx, in {geometry});"),
            (spans.D, "dr", layer.Units), (spans.PreviousD, "dx", layer.Inputs));
    }
}
