using System.Collections.Generic;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Emits a 2-D or 1-D convolution as calls to <c>ConvolutionKernels</c>, one sample at a time, with the
/// layer's geometry a static readonly field (<c>LayerNGeometry</c>) of constants. The kernel is Keras'
/// [kh, kw, in channels, filters] at the layer's weight offset, then one bias per filter. The activation
/// follows as for every kind (<see cref="ActivationEmitter"/>).
/// </summary>
internal sealed class ConvolutionEmitter : ILayerEmitter
{
    private const string Kernels = "global::NeuralDsl.ConvolutionKernels";

    public static readonly ConvolutionEmitter Instance = new();

    private ConvolutionEmitter()
    {
    }

    public string Describe(LayerModel layer)
    {
        Window w = layer.Window;
        string window = layer.Kind == LayerKind.Conv1D ? $"{w.KernelWidth}" : $"{w.KernelHeight}x{w.KernelWidth}";
        string strides = layer.Kind == LayerKind.Conv1D ? $"{w.StrideWidth}" : $"{w.StrideHeight}x{w.StrideWidth}";
        return $"Layer {layer.Index}: {layer.Kind} {layer.InputShape} -> {layer.OutputShape}, {layer.OutputShape.Channels} filters {window}, strides {strides}, {w.Padding}, {layer.Activation}. " +
            $"Kernel p[{layer.WeightOffset}..{layer.BiasOffset}) as [{w.KernelHeight} x {w.KernelWidth} x {layer.InputShape.Channels} x {layer.OutputShape.Channels}]" +
            (layer.UseBias ? $", biases p[{layer.BiasOffset}..{layer.BiasOffset + layer.BiasCount})" : ", no biases") +
            (layer.HasSlopes ? $", slopes p[{layer.SlopeOffset}..{layer.SlopeOffset + layer.Units})." : ".");
    }

    /// <summary>The geometry field the kernels read, declared among the constants.</summary>
    public static string GeometryDeclaration(LayerModel layer)
    {
        Window w = layer.Window;
        Shape input = layer.InputShape, output = layer.OutputShape;
        return $"private static readonly global::NeuralDsl.Conv2DGeometry {Geometry(layer)} = new(" +
            $"InH: {input.Height}, InW: {input.Width}, InC: {input.Channels}, KH: {w.KernelHeight}, KW: {w.KernelWidth}, OutC: {output.Channels}, " +
            $"StrideH: {w.StrideHeight}, StrideW: {w.StrideWidth}, PadTop: {w.PadTop}, PadLeft: {w.PadLeft}, OutH: {output.Height}, OutW: {output.Width});";
    }

    public static string Geometry(LayerModel layer) => $"Layer{layer.Index}Geometry";

    // Keras' fans for a convolution: the window's area times the channels on each side.
    private static int FanIn(LayerModel layer) => layer.Window.KernelHeight * layer.Window.KernelWidth * layer.InputShape.Channels;

    private static int FanOut(LayerModel layer) => layer.Window.KernelHeight * layer.Window.KernelWidth * layer.OutputShape.Channels;

    public void EmitInitialization(SourceWriter writer, LayerModel layer)
    {
        writer.WriteLine($"// Layer {layer.Index}: kernel {layer.WeightInit.Kind} (fan-in {FanIn(layer)}, fan-out {FanOut(layer)}){(layer.UseBias ? $", biases {layer.BiasInit.Kind}" : "")}{(layer.HasSlopes ? $", slopes {Literals.Float(layer.Alpha)}" : "")}.");
        EmitFill(writer, layer, layer.WeightOffset, layer.WeightCount, layer.WeightInit);
        if (layer.UseBias) EmitFill(writer, layer, layer.BiasOffset, layer.BiasCount, layer.BiasInit);
        if (layer.HasSlopes) writer.WriteLine($"p.Slice({layer.SlopeOffset}, {layer.Units}).Fill({Literals.Float(layer.Alpha)});");
    }

    private static void EmitFill(SourceWriter writer, LayerModel layer, int offset, int count, InitSpec init) =>
        writer.WriteLine($"global::NeuralDsl.Initializers.Fill(p.Slice({offset}, {count}), global::NeuralDsl.Init.{init.Kind}, {FanIn(layer)}, {FanOut(layer)}, {Literals.Float(init.First)}, {Literals.Float(init.Second)}, ref random);");

    private static string Kernel(LayerModel layer, string span = "p") => $"{span}.Slice({layer.WeightOffset}, {layer.WeightCount})";

    private static string Bias(LayerModel layer, string span = "p") => layer.UseBias ? $"{span}.Slice({layer.BiasOffset}, {layer.BiasCount})" : "default";

    private static string Forward(LayerModel layer, string x, string z) =>
        $"{Kernels}.Conv2DForward({x}, {Kernel(layer)}, {Bias(layer)}, {z}, in {Geometry(layer)});";

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z) => writer.WriteLine(Forward(layer, x, z));

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations) => false;

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        LayerEmitters.Rows(writer, () => writer.WriteLine(Forward(layer, "xr", "zr")), (x, "xr", layer.Inputs), (z, "zr", layer.Units));

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        EmitInferenceBatchTransform(writer, layer, spans.Input, spans.Z);

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        var rows = new List<(string, string, int)> { (spans.Input, "xr", layer.Inputs), (spans.D, "dr", layer.Units) };
        if (spans.PreviousD is not null) rows.Add((spans.PreviousD, "dx", layer.Inputs));
        LayerEmitters.Rows(writer, () => writer.WriteLine(
                $"{Kernels}.Conv2DBackward(xr, {Kernel(layer)}, dr, {Kernel(layer, "g")}, {Bias(layer, "g")}, {(spans.PreviousD is null ? "default" : "dx")}, in {Geometry(layer)});"),
            rows.ToArray());
    }
}
