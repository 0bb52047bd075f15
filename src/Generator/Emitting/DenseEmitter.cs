using System.Collections.Generic;
using System.Text;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Emits a dense layer: <c>z = W x + b</c> forward, and backward <c>dW += d x^T</c>, <c>db += d</c>,
/// <c>dx = W^T d</c>. W is row-major [units, inputs] at the layer's weight offset in <c>p</c>.
/// </summary>
internal sealed class DenseEmitter : ILayerEmitter
{
    private const string Kernels = "global::NeuralDsl.Kernels";

    public static readonly DenseEmitter Instance = new();

    private DenseEmitter()
    {
    }

    public string Describe(LayerModel layer) =>
        $"Layer {layer.Index}: Dense {layer.Inputs} -> {layer.Units}, {layer.Activation}. " +
        $"Weights p[{layer.WeightOffset}..{layer.BiasOffset}) as [{layer.Units} x {layer.Inputs}]" +
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

    public void EmitTrainingTransform(SourceWriter writer, LayerModel layer, TrainingSpans spans) =>
        LayerEmitters.Rows(writer, () => EmitInferenceTransform(writer, layer, "xr", "zr"),
            (spans.Input, "xr", layer.Inputs), (spans.Z, "zr", layer.Units));

    public void EmitBackward(SourceWriter writer, LayerModel layer, TrainingSpans spans)
    {
        if (spans.PreviousD is null)
        {
            LayerEmitters.Rows(writer, () => EmitParameterGradients(writer, layer, "xr", "dr"),
                (spans.Input, "xr", layer.Inputs), (spans.D, "dr", layer.Units));
            return;
        }
        LayerEmitters.Rows(writer, () =>
            {
                EmitParameterGradients(writer, layer, "xr", "dr");
                EmitInputGradient(writer, layer, "dr", "dx");
            },
            (spans.Input, "xr", layer.Inputs), (spans.D, "dr", layer.Units), (spans.PreviousD, "dx", layer.Inputs));
    }

    public void EmitInferenceTransform(SourceWriter writer, LayerModel layer, string x, string z)
    {
        if (EmitPolicy.IsUnrolled(layer))
        {
            for (int j = 0; j < layer.Units; j++)
            {
                var terms = new List<string>();
                for (int i = 0; i < layer.Inputs; i++) terms.Add($"p[{layer.WeightOffset + j * layer.Inputs + i}] * {x}[{i}]");
                writer.WriteLine($"{z}[{j}] = {(layer.UseBias ? $"p[{layer.BiasOffset + j}] + " : "")}{Sum(terms)};");
            }
            return;
        }
        using (writer.Open($"for (int j = 0; j < {layer.Units}; j++)"))
        {
            string bias = layer.UseBias ? $"p[{ActivationEmitter.Offset(layer.BiasOffset, "j")}] + " : "";
            writer.WriteLine($"{z}[j] = {bias}{Kernels}.Dot(p.Slice({Row(layer)}, {layer.Inputs}), {x});");
        }
    }

    /// <summary>Accumulates the layer's weight and bias gradients from its input <paramref name="x"/> and delta <paramref name="d"/>.</summary>
    private static void EmitParameterGradients(SourceWriter writer, LayerModel layer, string x, string d)
    {
        if (EmitPolicy.IsUnrolled(layer))
        {
            for (int j = 0; j < layer.Units; j++)
            {
                for (int i = 0; i < layer.Inputs; i++)
                    writer.WriteLine($"g[{layer.WeightOffset + j * layer.Inputs + i}] += {d}[{j}] * {x}[{i}];");
                if (layer.UseBias) writer.WriteLine($"g[{layer.BiasOffset + j}] += {d}[{j}];");
            }
            return;
        }
        using (writer.Open($"for (int j = 0; j < {layer.Units}; j++)"))
        {
            writer.WriteLine($"{Kernels}.Axpy({d}[j], {x}, g.Slice({Row(layer)}, {layer.Inputs}));");
            if (layer.UseBias) writer.WriteLine($"g[{ActivationEmitter.Offset(layer.BiasOffset, "j")}] += {d}[j];");
        }
    }

    /// <summary>Writes the gradient with respect to the layer's input, <c>W^T d</c>, into <paramref name="dx"/>.</summary>
    private static void EmitInputGradient(SourceWriter writer, LayerModel layer, string d, string dx)
    {
        if (EmitPolicy.IsUnrolled(layer))
        {
            for (int i = 0; i < layer.Inputs; i++)
            {
                var terms = new List<string>();
                for (int j = 0; j < layer.Units; j++) terms.Add($"p[{layer.WeightOffset + j * layer.Inputs + i}] * {d}[{j}]");
                writer.WriteLine($"{dx}[{i}] = {Sum(terms)};");
            }
            return;
        }
        writer.WriteLine($"{dx}.Clear();");
        using (writer.Open($"for (int j = 0; j < {layer.Units}; j++)"))
        {
            writer.WriteLine($"{Kernels}.Axpy({d}[j], p.Slice({Row(layer)}, {layer.Inputs}), {dx});");
        }
    }

    /// <summary>Index of row j of the weight matrix, without a zero offset.</summary>
    private static string Row(LayerModel layer) =>
        layer.WeightOffset == 0 ? $"j * {layer.Inputs}" : $"{layer.WeightOffset} + j * {layer.Inputs}";

    /// <summary>Joins terms with <c>+</c>, <see cref="EmitPolicy.TermsPerLine"/> to a line.</summary>
    private static string Sum(List<string> terms)
    {
        var builder = new StringBuilder();
        for (int t = 0; t < terms.Count; t++)
        {
            if (t > 0) builder.Append(t % EmitPolicy.TermsPerLine == 0 ? "\n    + " : " + ");
            builder.Append(terms[t]);
        }
        return builder.ToString();
    }
}
