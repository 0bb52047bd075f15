using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Batch normalisation: batch statistics in training, running statistics (in the state) at inference,
/// one of each per channel (Keras' axis -1). A channels-last batch [batch, positions, channels] is the
/// row-major matrix [batch x positions, channels], so the kernels see every position of every sample as
/// one row, and a vector (one position, every value a channel) is the same call with batch rows.
/// </summary>
internal sealed class BatchNormalizationEmitter : ILayerEmitter
{
    public static readonly BatchNormalizationEmitter Instance = new();

    private BatchNormalizationEmitter()
    {
    }

    public string Describe(LayerModel layer)
    {
        int channels = layer.NormalizedChannels;
        string over = Positions(layer) == 1 ? $"{channels} units" : $"{channels} channels at each of {Positions(layer)} positions of {layer.InputShape}";
        return $"Layer {layer.Index}: BatchNormalization over {over}, momentum {Literals.Float(layer.Momentum)}, epsilon {Literals.Float(layer.Epsilon)}. " +
            $"Gamma p[{layer.WeightOffset}..{layer.BiasOffset}), beta p[{layer.BiasOffset}..{layer.BiasOffset + channels}); " +
            $"running mean st[{layer.StateOffset}..{layer.StateOffset + channels}), running variance st[{layer.StateOffset + channels}..{layer.StateOffset + 2 * channels}).";
    }

    public void EmitInitialization(SourceWriter writer, LayerModel layer) => writer.WriteLine($"""
        // Layer {layer.Index}: gamma 1, beta 0; running mean 0, running variance 1.
        p.Slice({layer.WeightOffset}, {layer.NormalizedChannels}).Fill(1f);
        p.Slice({layer.BiasOffset}, {layer.NormalizedChannels}).Clear();
        st.Slice({layer.StateOffset}, {layer.NormalizedChannels}).Clear();
        st.Slice({layer.StateOffset + layer.NormalizedChannels}, {layer.NormalizedChannels}).Fill(1f);
        """);

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        writer.WriteLine($"global::NeuralDsl.Normalization.BatchNormInfer({x}, {Gamma(layer)}, {Beta(layer)}, {RunningMean(layer)}, {RunningVariance(layer)}, {Literals.Float(layer.Epsilon)}, {z});");

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations) => false;

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        LayerEmitters.Rows(writer, () => EmitInferenceTransform(writer, layer, "xr", "zr"), (x, "xr", layer.Units), (z, "zr", layer.Units));

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        writer.WriteLine($"global::NeuralDsl.Normalization.BatchNormTrain({spans.Input}, {Rows(layer)}, {layer.NormalizedChannels}, {Gamma(layer)}, {Beta(layer)}, {RunningMean(layer)}, {RunningVariance(layer)}, {Literals.Float(layer.Momentum)}, {Literals.Float(layer.Epsilon)}, {spans.Extra}, {spans.Z}, {spans.PerUnit});");

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        writer.WriteLine($"global::NeuralDsl.Normalization.BatchNormBackward({spans.D}, {spans.Extra}, {Rows(layer)}, {layer.NormalizedChannels}, {Gamma(layer)}, {spans.PerUnit}, g.Slice({layer.WeightOffset}, {layer.NormalizedChannels}), g.Slice({layer.BiasOffset}, {layer.NormalizedChannels}), {spans.PreviousD ?? "default"});");

    /// <summary>Positions per sample: an image's height x width, a sequence's steps, 1 for a vector.</summary>
    private static int Positions(LayerModel layer) => layer.InputShape.Height * layer.InputShape.Width;

    /// <summary>Rows the statistics run over in training: every position of every sample of the batch.</summary>
    private static string Rows(LayerModel layer) => Positions(layer) == 1 ? "batch" : $"batch * {Positions(layer)}";

    private static string Gamma(LayerModel layer) => $"p.Slice({layer.WeightOffset}, {layer.NormalizedChannels})";

    private static string Beta(LayerModel layer) => $"p.Slice({layer.BiasOffset}, {layer.NormalizedChannels})";

    private static string RunningMean(LayerModel layer) => $"st.Slice({layer.StateOffset}, {layer.NormalizedChannels})";

    private static string RunningVariance(LayerModel layer) => $"st.Slice({layer.StateOffset + layer.NormalizedChannels}, {layer.NormalizedChannels})";
}
