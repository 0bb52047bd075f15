using System.Collections.Generic;
using System.Text;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Emits a dense layer: <c>z = b + x W</c> forward, and backward <c>dW += x^T d</c>, <c>db += d</c>,
/// <c>dx = W d</c>. W is input-major, [inputs, units], at the layer's weight offset in <c>p</c>: row i
/// holds input i's weights to every unit, so the forward pass broadcasts x[i] over a contiguous row.
/// Small layers are straight-line code, eight units at a time with <c>Vector256</c> fused multiply-adds
/// (the remaining units scalar); larger ones call <c>DenseKernels</c>.
/// </summary>
internal sealed class DenseEmitter : ILayerEmitter
{
    private const string Kernels = "global::NeuralDsl.DenseKernels";
    private const string Vector = "global::System.Runtime.Intrinsics.Vector256";
    private const string GetReference = "global::System.Runtime.InteropServices.MemoryMarshal.GetReference";
    private const int Lanes = 8;

    public static readonly DenseEmitter Instance = new();

    private DenseEmitter()
    {
    }

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: Dense {layer.Inputs} -> {layer.Units}, {layer.Activation}. " +
        $"Weights p[{layer.WeightOffset}..{layer.BiasOffset}) as [{layer.Inputs} x {layer.Units}]" +
        (layer.UseBias ? $", biases p[{layer.BiasOffset}..{layer.BiasOffset + layer.Units})" : ", no biases") +
        (layer.HasSlopes ? $", slopes p[{layer.SlopeOffset}..{layer.SlopeOffset + layer.Units})." : ".");

    public void EmitInitialization(SourceWriter writer, LayerModel layer)
    {
        writer.WriteLine($"// Layer {layer.Index}: weights {layer.WeightInit.Kind}{(layer.UseBias ? $", biases {layer.BiasInit.Kind}" : "")}{(layer.HasSlopes ? $", slopes {Literals.Float(layer.Alpha)}" : "")}.");
        EmitFill(writer, layer, layer.WeightOffset, layer.WeightCount, layer.WeightInit);
        if (layer.UseBias) EmitFill(writer, layer, layer.BiasOffset, layer.Units, layer.BiasInit);
        if (layer.HasSlopes) writer.WriteLine($"p.Slice({layer.SlopeOffset}, {layer.Units}).Fill({Literals.Float(layer.Alpha)});");
    }

    private static void EmitFill(SourceWriter writer, LayerModel layer, int offset, int count, InitSpec init) =>
        writer.WriteLine($"global::NeuralDsl.Initializers.Fill(p.Slice({offset}, {count}), global::NeuralDsl.Init.{init.Kind}, {layer.Inputs}, {layer.Units}, {Literals.Float(init.First)}, {Literals.Float(init.Second)}, ref random);");

    private static string Weights(LayerModel layer) => $"p.Slice({layer.WeightOffset}, {layer.WeightCount})";

    private static string Bias(LayerModel layer, string span = "p") => layer.UseBias ? $"{span}.Slice({layer.BiasOffset}, {layer.Units})" : "default";

    private static int W(LayerModel layer, int i, int j) => layer.WeightOffset + i * layer.Units + j;

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z)
    {
        if (EmitPolicy.IsUnrolled(layer)) EmitUnrolledForward(writer, layer, x, z);
        else writer.WriteLine($"{Kernels}.Forward({Weights(layer)}, {Bias(layer)}, {x}, {z});");
    }

    public bool EmitFusedInference(SourceWriter writer, LayerModel layer, string x, string a, bool exactActivations)
    {
        string? activation = ActivationEmitter.VectorActivationType(layer, exactActivations);
        if (activation is null) return false;
        if (EmitPolicy.IsUnrolled(layer)) EmitUnrolledForward(writer, layer, x, a, exactActivations, fused: true);
        else writer.WriteLine($"{Kernels}.Forward({Weights(layer)}, {Bias(layer)}, {x}, {a}, default({activation}));");
        return true;
    }

    public void EmitInferenceBatchTransform(SourceWriter writer, LayerModel layer, string x, string z)
    {
        if (EmitPolicy.IsUnrolled(layer))
            LayerEmitters.Rows(writer, () => EmitUnrolledForward(writer, layer, "xr", "zr"), (x, "xr", layer.Inputs), (z, "zr", layer.Units));
        else
            writer.WriteLine($"{Kernels}.ForwardBatch({Weights(layer)}, {Bias(layer)}, {x}, {z}, {layer.Inputs}, {layer.Units});");
    }

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        if (EmitPolicy.IsUnrolled(layer))
        {
            LayerEmitters.Rows(writer, () => EmitUnrolledForward(writer, layer, "xr", "zr"),
                (spans.Input, "xr", layer.Inputs), (spans.Z, "zr", layer.Units));
            return;
        }
        writer.WriteLine($"{Kernels}.ForwardBatch({Weights(layer)}, {Bias(layer)}, {spans.Input}, {spans.Z}, {layer.Inputs}, {layer.Units});");
    }

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        bool unrolled = EmitPolicy.IsUnrolled(layer);
        if (!unrolled)
        {
            // Whole batch: the weight gradient as a blocked X^T D, then each row's input gradient.
            writer.WriteLine($"{Kernels}.AccumulateGradientsBatch({spans.Input}, {spans.D}, g.Slice({layer.WeightOffset}, {layer.WeightCount}), {Bias(layer, "g")}, {layer.Inputs}, {layer.Units});");
            if (spans.PreviousD is not null)
                LayerEmitters.Rows(writer, () => writer.WriteLine($"{Kernels}.InputGradient({Weights(layer)}, dr, dx);"),
                    (spans.D, "dr", layer.Units), (spans.PreviousD, "dx", layer.Inputs));
            return;
        }
        var rows = new List<(string, string, int)> { (spans.Input, "xr", layer.Inputs), (spans.D, "dr", layer.Units) };
        if (spans.PreviousD is not null) rows.Add((spans.PreviousD, "dx", layer.Inputs));
        LayerEmitters.Rows(writer, () => EmitUnrolledGradients(writer, layer, "xr", "dr", spans.PreviousD is null ? null : "dx"), rows.ToArray());
    }

    /// <summary>
    /// Straight-line <c>z = b + x W</c>: eight units per vector, broadcasting each input; leftover units
    /// scalar. Each block keeps two partial sums (even and odd inputs) so that consecutive fused
    /// multiply-adds do not wait on each other, and scalar sums are added as balanced trees: a
    /// tiny layer is bound by the latency of its dependency chains, not by arithmetic.
    /// </summary>
    /// <remarks>
    /// With <paramref name="fused"/> the activation is applied before the store (vector form for the
    /// blocks, scalar for the leftover units, as the span activation would do), writing the activation
    /// into <paramref name="z"/> in place of the pre-activation.
    /// </remarks>
    private static void EmitUnrolledForward(SourceWriter writer, LayerModel layer, string x, string z, bool exact = false, bool fused = false)
    {
        int blocks = layer.Units / Lanes;
        if (blocks > 0)
        {
            using (writer.Open(""))
            {
                bool split = layer.Inputs >= 4;
                writer.WriteLine($"ref float w = ref {GetReference}(p);");
                for (int b = 0; b < blocks; b++)
                {
                    writer.WriteLine($"var acc{b} = {(layer.UseBias ? $"{Vector}.LoadUnsafe(ref w, {layer.BiasOffset + b * Lanes})" : $"{Vector}<float>.Zero")};");
                    if (split) writer.WriteLine($"var odd{b} = {Vector}<float>.Zero;");
                }
                for (int i = 0; i < layer.Inputs; i++)
                {
                    var line = new StringBuilder($"var xv{i} = {Vector}.Create({x}[{i}]);");
                    for (int b = 0; b < blocks; b++)
                    {
                        string accumulator = split && i % 2 == 1 ? $"odd{b}" : $"acc{b}";
                        line.Append($" {accumulator} = {Kernels}.MultiplyAdd({Vector}.LoadUnsafe(ref w, {W(layer, i, b * Lanes)}), xv{i}, {accumulator});");
                    }
                    writer.WriteLine(line.ToString());
                }
                for (int b = 0; b < blocks; b++)
                {
                    string sum = split ? $"acc{b} + odd{b}" : $"acc{b}";
                    if (fused) sum = ActivationEmitter.VectorForward(layer, sum, exact)!;
                    writer.WriteLine($"{Vector}.CopyTo({sum}, {z}.Slice({b * Lanes}));");
                }
            }
        }
        for (int j = blocks * Lanes; j < layer.Units; j++)
        {
            var terms = new List<string>();
            if (layer.UseBias) terms.Add($"p[{layer.BiasOffset + j}]");
            for (int i = 0; i < layer.Inputs; i++) terms.Add($"p[{W(layer, i, j)}] * {x}[{i}]");
            string sum = Sum(terms);
            writer.WriteLine($"{z}[{j}] = {(fused ? ActivationEmitter.ScalarForward(layer, sum, Literals.Int(j)) : sum)};");
        }
    }

    /// <summary>
    /// Straight-line backward step for one sample: <c>g[W] += x^T d</c>, <c>g[b] += d</c>, and (when
    /// <paramref name="dx"/> is given) <c>dx = W d</c>, vectorised over the units like the forward pass.
    /// </summary>
    private static void EmitUnrolledGradients(SourceWriter writer, LayerModel layer, string x, string d, string? dx)
    {
        int blocks = layer.Units / Lanes, tail = blocks * Lanes;
        using (writer.Open(""))
        {
            if (blocks > 0)
            {
                writer.WriteLine($"ref float gw = ref {GetReference}(g);");
                if (dx is not null) writer.WriteLine($"ref float w = ref {GetReference}(p);");
                writer.WriteLine($"ref float dd = ref {GetReference}({d});");
                for (int b = 0; b < blocks; b++) writer.WriteLine($"var dv{b} = {Vector}.LoadUnsafe(ref dd, {b * Lanes});");
                for (int i = 0; i < layer.Inputs; i++)
                {
                    var line = new StringBuilder($"var xv{i} = {Vector}.Create({x}[{i}]);");
                    for (int b = 0; b < blocks; b++)
                        line.Append($" {Vector}.StoreUnsafe({Kernels}.MultiplyAdd(dv{b}, xv{i}, {Vector}.LoadUnsafe(ref gw, {W(layer, i, b * Lanes)})), ref gw, {W(layer, i, b * Lanes)});");
                    writer.WriteLine(line.ToString());
                }
                if (layer.UseBias)
                    for (int b = 0; b < blocks; b++)
                        writer.WriteLine($"{Vector}.StoreUnsafe({Vector}.LoadUnsafe(ref gw, {layer.BiasOffset + b * Lanes}) + dv{b}, ref gw, {layer.BiasOffset + b * Lanes});");
            }
            for (int j = tail; j < layer.Units; j++)
            {
                for (int i = 0; i < layer.Inputs; i++) writer.WriteLine($"g[{W(layer, i, j)}] += {d}[{j}] * {x}[{i}];");
                if (layer.UseBias) writer.WriteLine($"g[{layer.BiasOffset + j}] += {d}[{j}];");
            }
            if (dx is null) return;
            for (int i = 0; i < layer.Inputs; i++)
            {
                var terms = new List<string>();
                if (blocks > 0)
                {
                    var vector = new List<string>();
                    for (int b = 0; b < blocks; b++) vector.Add($"{Vector}.LoadUnsafe(ref w, {W(layer, i, b * Lanes)}) * dv{b}");
                    terms.Add($"{Vector}.Sum({string.Join(" + ", vector)})");
                }
                for (int j = tail; j < layer.Units; j++) terms.Add($"p[{W(layer, i, j)}] * {d}[{j}]");
                writer.WriteLine($"{dx}[{i}] = {Sum(terms)};");
            }
        }
    }

    /// <summary>
    /// Adds terms as a balanced tree (<c>(t0 + t1) + (t2 + t3)</c>, ...), so that the additions do not
    /// form one long dependency chain; four terms to a line for readability.
    /// </summary>
    private static string Sum(List<string> terms)
    {
        if (terms.Count <= 2) return string.Join(" + ", terms);
        var level = new List<string>();
        for (int t = 0; t < terms.Count; t += 2)
            level.Add(t + 1 < terms.Count ? $"({terms[t]} + {terms[t + 1]})" : terms[t]);
        while (level.Count > 2)
        {
            var next = new List<string>();
            for (int t = 0; t < level.Count; t += 2)
                next.Add(t + 1 < level.Count ? $"({level[t]} + {level[t + 1]})" : level[t]);
            level = next;
        }
        var builder = new StringBuilder(level[0]);
        if (level.Count == 2) builder.Append(level[0].Length + level[1].Length > 100 ? "\n    + " : " + ").Append(level[1]);
        return builder.ToString();
    }
}
