using System.Collections.Generic;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Emits a SimpleRNN, LSTM or GRU layer, one or both ways, as calls to the runtime's recurrent kernels
/// (<c>NeuralDsl.Recurrent</c>), one sample at a time, with the layer's sizes a static readonly geometry
/// field (<c>LayerNGeometry</c>). The forward pass fills a per-sample cache (in training the span
/// <c>eN</c>, [batch, cache]; in inference the workspace <c>ws</c>) that backpropagation through time reads.
/// The layer's output is its hidden state: no activation follows.
/// </summary>
internal sealed class RecurrentEmitter : ILayerEmitter
{
    public static readonly RecurrentEmitter Instance = new();

    private RecurrentEmitter()
    {
    }

    private static string GeometryType(LayerModel layer) => layer.Kind switch
    {
        LayerKind.LSTM => "global::NeuralDsl.Recurrent.LstmGeometry",
        LayerKind.GRU => "global::NeuralDsl.Recurrent.GruGeometry",
        _ => "global::NeuralDsl.Recurrent.SimpleRnnGeometry",
    };

    /// <summary>The class whose Forward and Backward the layer calls: its kind's, or the bidirectional wrapper.</summary>
    private static string Kernels(LayerModel layer) => layer.Recurrence.Bidirectional ? "global::NeuralDsl.Recurrent.BidirectionalKernels" : StepKernels(layer);

    /// <summary>The class whose Step and Reset streaming calls.</summary>
    public static string StepKernels(LayerModel layer) => layer.Kind switch
    {
        LayerKind.LSTM => "global::NeuralDsl.Recurrent.LstmKernels",
        LayerKind.GRU => "global::NeuralDsl.Recurrent.GruKernels",
        _ => "global::NeuralDsl.Recurrent.SimpleRnnKernels",
    };

    public static string Geometry(LayerModel layer) => $"Layer{layer.Index}Geometry";

    /// <summary>The geometry field the kernels read, declared among the constants.</summary>
    public static string GeometryDeclaration(LayerModel layer)
    {
        Recurrence r = layer.Recurrence;
        string resetAfter = layer.Kind == LayerKind.GRU ? $", resetAfter: {(r.ResetAfter ? "true" : "false")}" : "";
        return $"private static readonly {GeometryType(layer)} {Geometry(layer)} = new(steps: {layer.InputShape.Width}, inputs: {layer.InputShape.Channels}, units: {r.Units}{resetAfter});";
    }

    /// <summary>Floats one direction caches per step (the runtime geometry's CachePerStep).</summary>
    private static int CachePerStep(LayerModel layer)
    {
        int u = layer.Recurrence.Units;
        return layer.Kind switch
        {
            LayerKind.LSTM => 7 * u,
            LayerKind.GRU => 5 * u,
            _ => u,
        };
    }

    /// <summary>Floats of one sample's cache, both directions.</summary>
    public static int CacheSize(LayerModel layer) => layer.Recurrence.Directions * layer.InputShape.Width * CachePerStep(layer);

    /// <summary>Floats of the backward pass's scratch (one direction's; the directions run one after the other).</summary>
    public static int BackwardScratchSize(LayerModel layer)
    {
        int u = layer.Recurrence.Units;
        return layer.Kind switch { LayerKind.LSTM => 6 * u, LayerKind.GRU => 8 * u, _ => 2 * u };
    }

    /// <summary>Floats of one stream's state (Step): the hidden state, and an LSTM's cell state.</summary>
    public static int StateSize(LayerModel layer) => (layer.Kind == LayerKind.LSTM ? 2 : 1) * layer.Recurrence.Units;

    /// <summary>Floats of Step's scratch.</summary>
    public static int StepScratchSize(LayerModel layer)
    {
        int u = layer.Recurrence.Units;
        return layer.Kind switch
        {
            LayerKind.LSTM => 0,
            LayerKind.GRU => layer.Recurrence.ResetAfter ? 0 : 4 * u,
            _ => u,
        };
    }

    public string Describe(LayerModel layer)
    {
        Recurrence r = layer.Recurrence;
        string kind = r.Bidirectional ? $"Bidirectional({layer.Kind})" : layer.Kind.ToString();
        string form = layer.Kind == LayerKind.GRU ? (r.ResetAfter ? ", reset after" : ", reset before") : "";
        string directions = r.Bidirectional
            ? $"forward p[{layer.ParameterOffset}..{layer.ParameterOffset + layer.DirectionParameterCount}), backward p[{layer.ParameterOffset + layer.DirectionParameterCount}..{layer.ParameterOffset + layer.ParameterCount}), each"
            : $"p[{layer.ParameterOffset}..{layer.ParameterOffset + layer.ParameterCount}):";
        return $"Layer {layer.Index}: {kind} {layer.InputShape} -> {layer.OutputShape}, {r.Units} units{form}, {(r.ReturnSequences ? "every step" : "last step")}. " +
            $"{directions} kernel [{layer.InputShape.Channels} x {layer.Gates * r.Units}], recurrent kernel [{r.Units} x {layer.Gates * r.Units}], biases {layer.BiasCount}.";
    }

    public void EmitInitialization(SourceWriter writer, LayerModel layer)
    {
        Recurrence r = layer.Recurrence;
        int width = layer.Gates * r.Units;
        writer.WriteLine($"// Layer {layer.Index}: kernel {layer.WeightInit.Kind} (fan-in {layer.InputShape.Channels}, fan-out {width}), recurrent kernel {r.RecurrentInit.Kind}, biases {layer.BiasInit.Kind}{(r.UnitForgetBias ? ", forget gate biases 1" : "")}{(r.Bidirectional ? "; each direction" : "")}.");
        for (int d = 0; d < r.Directions; d++)
        {
            int shift = d * layer.DirectionParameterCount;
            EmitFill(writer, layer.WeightOffset + shift, layer.WeightCount, layer.WeightInit, layer.InputShape.Channels, width);
            EmitFill(writer, layer.WeightOffset + shift + layer.WeightCount, layer.RecurrentKernelCount, r.RecurrentInit, r.Units, width);
            EmitFill(writer, layer.BiasOffset + shift, layer.BiasCount, layer.BiasInit, layer.InputShape.Channels, width);
            if (r.UnitForgetBias) writer.WriteLine($"p.Slice({layer.BiasOffset + shift + r.Units}, {r.Units}).Fill(1f);");
        }
    }

    private static void EmitFill(SourceWriter writer, int offset, int count, InitSpec init, int fanIn, int fanOut) =>
        writer.WriteLine($"global::NeuralDsl.Initializers.Fill(p.Slice({offset}, {count}), global::NeuralDsl.Init.{init.Kind}, {fanIn}, {fanOut}, {Literals.Float(init.First)}, {Literals.Float(init.Second)}, ref random);");

    private static string Parameters(LayerModel layer, string span = "p") => $"{span}.Slice({layer.ParameterOffset}, {layer.ParameterCount})";

    private static string ReturnSequences(LayerModel layer) => layer.Recurrence.ReturnSequences ? "true" : "false";

    private static string Forward(LayerModel layer, string x, string cache, string output) =>
        $"{Kernels(layer)}.Forward({Geometry(layer)}, {x}, {Parameters(layer)}, {cache}, {output}, returnSequences: {ReturnSequences(layer)});";

    /// <summary>Floats of the inference workspace: the cache of one sample.</summary>
    public static int Workspace(LayerModel layer) => CacheSize(layer);

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        writer.WriteLine(Forward(layer, x, $"ws.Slice(0, {CacheSize(layer)})", z));

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations) => false;

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z) =>
        LayerEmitters.Rows(writer, () => EmitInferenceTransform(writer, layer, "xr", "zr"), (x, "xr", layer.Inputs), (z, "zr", layer.Units));

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        LayerEmitters.Rows(writer, () => writer.WriteLine(Forward(layer, "xr", "er", "zr")),
            (spans.Input, "xr", layer.Inputs), (spans.Z, "zr", layer.Units), (spans.Extra!, "er", CacheSize(layer)));

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        var rows = new List<(string, string, int)> { (spans.Input, "xr", layer.Inputs), (spans.Extra!, "er", CacheSize(layer)), (spans.D, "dr", layer.Units) };
        if (spans.PreviousD is not null) rows.Add((spans.PreviousD, "dx", layer.Inputs));
        LayerEmitters.Rows(writer, () => writer.WriteLine(
                $"{Kernels(layer)}.Backward({Geometry(layer)}, xr, {Parameters(layer)}, er, dr, returnSequences: {ReturnSequences(layer)}, {Parameters(layer, "g")}, {(spans.PreviousD is null ? "default" : "dx")}, {spans.PerUnit});"),
            rows.ToArray());
    }
}
