using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Emits an embedding as calls to <c>EmbeddingKernels</c>: the network's input row of token ids becomes the
/// sequence of their table rows. It is always the first layer, so its backward pass only adds to the
/// table's gradient.
/// </summary>
internal sealed class EmbeddingEmitter : ILayerEmitter
{
    private const string Kernels = "global::NeuralDsl.Recurrent.EmbeddingKernels";

    public static readonly EmbeddingEmitter Instance = new();

    private EmbeddingEmitter()
    {
    }

    private static int Dimensions(LayerModel layer) => layer.OutputShape.Channels;

    private static string Table(LayerModel layer, string span = "p") => $"{span}.Slice({layer.WeightOffset}, {layer.WeightCount})";

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: Embedding {layer.InputShape} token ids -> {layer.OutputShape}, {layer.Vocabulary} tokens. Table p[{layer.WeightOffset}..{layer.WeightOffset + layer.WeightCount}) as [{layer.Vocabulary} x {Dimensions(layer)}].";

    public void EmitInitialization(SourceWriter writer, LayerModel layer)
    {
        InitSpec init = layer.WeightInit;
        writer.WriteLine($"// Layer {layer.Index}: table {init.Kind}.");
        writer.WriteLine($"global::NeuralDsl.Initializers.Fill({Table(layer)}, global::NeuralDsl.Init.{init.Kind}, {layer.Vocabulary}, {Dimensions(layer)}, {Literals.Float(init.First)}, {Literals.Float(init.Second)}, ref random);");
    }

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        writer.WriteLine($"{Kernels}.Forward({x}, {Table(layer)}, {z}, {Dimensions(layer)});");

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations) => false;

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        LayerEmitters.Rows(writer, () => EmitInferenceTransform(writer, layer, "xr", "zr"), (x, "xr", layer.Inputs), (z, "zr", layer.Units));

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        EmitInferenceBatchTransform(writer, layer, spans.Input, spans.Z);

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        LayerEmitters.Rows(writer, () => writer.WriteLine($"{Kernels}.Backward(xr, dr, {Table(layer, "g")}, {Dimensions(layer)});"),
            (spans.Input, "xr", layer.Inputs), (spans.D, "dr", layer.Units));
}
