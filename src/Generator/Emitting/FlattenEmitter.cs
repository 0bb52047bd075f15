using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Flatten: an image or a sequence is already stored flat, channels-last and row-major (Keras' order),
/// so the layer computes nothing. Inference reads its input in place; training copies it like a linear
/// activation layer, and the gradient passes back unchanged.
/// </summary>
internal sealed class FlattenEmitter : ILayerEmitter
{
    public static readonly FlattenEmitter Instance = new();

    private FlattenEmitter()
    {
    }

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: Flatten {layer.InputShape} -> {layer.OutputShape}, the same values in the same order.";

    public void EmitInitialization(SourceWriter writer, LayerModel layer)
    {
    }

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z)
    {
    }

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations) => false;

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z)
    {
    }

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
    }

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        if (spans.PreviousD is not null) writer.WriteLine($"{spans.D}.CopyTo({spans.PreviousD});");
    }
}
