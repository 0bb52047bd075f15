using System;
using System.Collections.Generic;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// The names of a layer's batch spans in the training method, each [batch, width] row-major:
/// its input, pre-activation, activation, delta (gradient with respect to the activation, turned in
/// place into the gradient with respect to the pre-activation), the previous layer's delta (null for
/// the first layer), and a kind-specific extra span (dropout mask, normalised input) and per-unit
/// span (batch normalisation's inverse standard deviations).
/// </summary>
internal sealed record TrainingSpans(string Input, string Z, string A, string D, string? PreviousD, string? Extra, string? PerUnit);

/// <summary>
/// What the network emitter needs from each layer kind. A layer is a transform producing its
/// pre-activation z, followed by an element-wise activation that <see cref="ActivationEmitter"/> emits
/// for every kind alike. A new kind implements this and the network emitter composes it like the others.
/// </summary>
internal interface ILayerEmitter
{
    /// <summary>One line naming the layer, its shape and its parameter ranges, for comments.</summary>
    string Describe(LayerModel layer);

    /// <summary>Fills the layer's parameters and state in <c>ResetParameters</c> (spans <c>p</c>, <c>st</c>; generator <c>random</c>).</summary>
    void EmitInitialization(SourceWriter writer, LayerModel layer);

    /// <summary>Inference transform of one sample, from <paramref name="x"/> into <paramref name="z"/>; nothing for identity transforms.</summary>
    void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z);

    /// <summary>
    /// Inference transform and activation of one sample in one step, from <paramref name="x"/> into
    /// <paramref name="a"/>, with the activation applied in registers before the store. Returns false,
    /// writing nothing, when the kind or the layer cannot: the caller then emits the transform and the activation.
    /// </summary>
    bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations);

    /// <summary>Inference transform of a batch (variable <c>batch</c>; spans [batch, width]); nothing for identity transforms.</summary>
    void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z);

    /// <summary>Training transform of a whole batch (variable <c>batch</c>).</summary>
    void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans);

    /// <summary>Adds the layer's parameter gradients to <c>g</c> and, when there is a previous layer, writes its delta.</summary>
    void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans);
}

internal static class LayerEmitters
{
    public static ILayerEmitter For(LayerModel layer) => layer.Kind switch
    {
        LayerKind.Dense => DenseEmitter.Instance,
        LayerKind.Dropout => DropoutEmitter.Instance,
        LayerKind.BatchNormalization => BatchNormalizationEmitter.Instance,
        LayerKind.Activation => ActivationLayerEmitter.Instance,
        LayerKind.Conv2D or LayerKind.Conv1D => ConvolutionEmitter.Instance,
        LayerKind.MaxPool2D or LayerKind.MaxPool1D or LayerKind.AveragePool2D or LayerKind.AveragePool1D => PoolingEmitter.Instance,
        LayerKind.GlobalAveragePooling2D or LayerKind.GlobalAveragePooling1D => GlobalPoolingEmitter.Instance,
        LayerKind.Flatten => FlattenEmitter.Instance,
        LayerKind.SimpleRNN or LayerKind.LSTM or LayerKind.GRU => RecurrentEmitter.Instance,
        LayerKind.Embedding => EmbeddingEmitter.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Kind, "No emitter for this layer kind."),
    };

    /// <summary>
    /// Emits a loop over the batch's rows declaring one row span per batch span, then <paramref name="body"/>.
    /// Each entry is (batch span, row name, row width); <c>inputs</c>, <c>targets</c> and <c>x</c> are read-only,
    /// and a batch span listed twice (a linear layer's z and a) gets its second row name as an alias.
    /// </summary>
    public static void Rows(SourceWriter writer, Action body, params (string Batch, string Row, int Width)[] spans)
    {
        using (writer.Open("for (int n = 0; n < batch; n++)"))
        {
            var declared = new Dictionary<string, string>();
            foreach ((string batchSpan, string row, int width) in spans)
            {
                string type = batchSpan is "inputs" or "targets" or "x" ? "global::System.ReadOnlySpan<float>" : "global::System.Span<float>";
                if (declared.TryGetValue(batchSpan, out string? first))
                {
                    writer.WriteLine($"{type} {row} = {first};");
                    continue;
                }
                declared.Add(batchSpan, row);
                writer.WriteLine($"{type} {row} = {batchSpan}.Slice(n * {width}, {width});");
            }
            body();
        }
    }
}
