using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>Batch normalisation: batch statistics in training, running statistics (in the state) at inference.</summary>
internal sealed class BatchNormalizationEmitter : ILayerEmitter
{
    public static readonly BatchNormalizationEmitter Instance = new();

    private BatchNormalizationEmitter()
    {
    }

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: BatchNormalization over {layer.Units} units, momentum {Literals.Float(layer.Momentum)}, epsilon {Literals.Float(layer.Epsilon)}. " +
        $"Gamma p[{layer.WeightOffset}..{layer.BiasOffset}), beta p[{layer.BiasOffset}..{layer.BiasOffset + layer.Units}); " +
        $"running mean st[{layer.StateOffset}..{layer.StateOffset + layer.Units}), running variance st[{layer.StateOffset + layer.Units}..{layer.StateOffset + 2 * layer.Units}).";

    public void EmitInitialization(SourceWriter writer, LayerModel layer) => writer.WriteLine($"""
        // Layer {layer.Index}: gamma 1, beta 0; running mean 0, running variance 1.
        p.Slice({layer.WeightOffset}, {layer.Units}).Fill(1f);
        p.Slice({layer.BiasOffset}, {layer.Units}).Clear();
        st.Slice({layer.StateOffset}, {layer.Units}).Clear();
        st.Slice({layer.StateOffset + layer.Units}, {layer.Units}).Fill(1f);
        """);

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        writer.WriteLine($"global::NeuralDsl.Normalization.BatchNormInfer({x}, {Gamma(layer)}, {Beta(layer)}, st.Slice({layer.StateOffset}, {layer.Units}), st.Slice({layer.StateOffset + layer.Units}, {layer.Units}), {Literals.Float(layer.Epsilon)}, {z});");

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations) => false;

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        LayerEmitters.Rows(writer, () => EmitInferenceTransform(writer, layer, "xr", "zr"), (x, "xr", layer.Units), (z, "zr", layer.Units));

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        writer.WriteLine($"global::NeuralDsl.Normalization.BatchNormTrain({spans.Input}, batch, {layer.Units}, {Gamma(layer)}, {Beta(layer)}, st.Slice({layer.StateOffset}, {layer.Units}), st.Slice({layer.StateOffset + layer.Units}, {layer.Units}), {Literals.Float(layer.Momentum)}, {Literals.Float(layer.Epsilon)}, {spans.Extra}, {spans.Z}, {spans.PerUnit});");

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        writer.WriteLine($"global::NeuralDsl.Normalization.BatchNormBackward({spans.D}, {spans.Extra}, batch, {layer.Units}, {Gamma(layer)}, {spans.PerUnit}, g.Slice({layer.WeightOffset}, {layer.Units}), g.Slice({layer.BiasOffset}, {layer.Units}), {spans.PreviousD ?? "default"});");

    private static string Gamma(LayerModel layer) => $"p.Slice({layer.WeightOffset}, {layer.Units})";

    private static string Beta(LayerModel layer) => $"p.Slice({layer.BiasOffset}, {layer.Units})";
}
