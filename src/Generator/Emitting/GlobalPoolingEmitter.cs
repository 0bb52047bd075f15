using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>Emits global average pooling (an image's or a sequence's mean per channel) as calls to <c>ConvolutionKernels</c>. No parameters.</summary>
internal sealed class GlobalPoolingEmitter : ILayerEmitter
{
    private const string Kernels = "global::NeuralDsl.ConvolutionKernels";

    public static readonly GlobalPoolingEmitter Instance = new();

    private GlobalPoolingEmitter()
    {
    }

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: {layer.Kind} {layer.InputShape} -> {layer.OutputShape}, the mean of each channel.";

    private static string Extents(LayerModel layer) => $"{layer.InputShape.Height}, {layer.InputShape.Width}, {layer.InputShape.Channels}";

    private static string Forward(LayerModel layer, string x, string y) => $"{Kernels}.GlobalAveragePool2DForward({x}, {y}, {Extents(layer)});";

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
        if (spans.PreviousD is null) return;
        LayerEmitters.Rows(writer, () => writer.WriteLine($"{Kernels}.GlobalAveragePool2DBackward(dr, dx, {Extents(layer)});"),
            (spans.D, "dr", layer.Units), (spans.PreviousD, "dx", layer.Inputs));
    }
}
