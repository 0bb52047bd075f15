using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>A stand-alone activation: its pre-activation is its input, so the transform is empty.</summary>
internal sealed class ActivationLayerEmitter : ILayerEmitter
{
    public static readonly ActivationLayerEmitter Instance = new();

    private ActivationLayerEmitter()
    {
    }

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: Activation {layer.Activation} over {layer.Units} units" +
        (layer.HasSlopes ? $". Slopes p[{layer.SlopeOffset}..{layer.SlopeOffset + layer.Units})." : ".");

    public void EmitInitialization(SourceWriter writer, LayerModel layer)
    {
        if (layer.HasSlopes) writer.WriteLine($"p.Slice({layer.SlopeOffset}, {layer.Units}).Fill({Literals.Float(layer.Alpha)});");
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
