using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>Inverted dropout: a seeded mask in training, the identity at inference.</summary>
internal sealed class DropoutEmitter : ILayerEmitter
{
    public static readonly DropoutEmitter Instance = new();

    private DropoutEmitter()
    {
    }

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: Dropout {Literals.Float(layer.Rate)} over {layer.Units} units (identity at inference).";

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

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        writer.WriteLine($"global::NeuralDsl.DropoutKernel.Forward({spans.Input}, {spans.Extra}, {spans.Z}, {Literals.Float(layer.Rate)}, ref _dropoutRandom);");

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        if (spans.PreviousD is not null) writer.WriteLine($"global::NeuralDsl.DropoutKernel.Backward({spans.D}, {spans.Extra}, {spans.PreviousD});");
    }
}
