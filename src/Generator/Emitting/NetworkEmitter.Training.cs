using System.Linq;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

internal sealed partial class NetworkEmitter
{
    /// <summary>Offsets of each layer's z, a and d in the training scratch buffer (a linear layer's a is its z).</summary>
    private sealed record ScratchLayout(int[] Z, int[] A, int[] D, int Total);

    private ScratchLayout TrainingScratch()
    {
        int count = Layers.Count, offset = 0;
        int[] z = new int[count], a = new int[count], d = new int[count];
        foreach (LayerModel layer in Layers)
        {
            z[layer.Index] = offset;
            offset += layer.Units;
            if (layer.Activation == ActivationKind.Linear)
            {
                a[layer.Index] = z[layer.Index];
            }
            else
            {
                a[layer.Index] = offset;
                offset += layer.Units;
            }
            d[layer.Index] = offset;
            offset += layer.Units;
        }
        return new ScratchLayout(z, a, d, offset);
    }

    private string Divisor => LossEmitter.IsElementwiseMean(_model.Loss) ? "batch * (double)OutputSize" : "batch";

    private string Scale => LossEmitter.IsElementwiseMean(_model.Loss) ? "1f / (batch * OutputSize)" : "1f / batch";

    private void EmitBatchChecks()
    {
        _writer.WriteLine($"int batch = {Guard}.BatchSize(inputs.Length, InputSize, nameof(inputs), targets.Length, TargetSize, \"TargetSize\", nameof(targets));");
        if (_model.Loss == LossKind.SparseCategoricalCrossEntropy)
            _writer.WriteLine($"{Guard}.ClassIndices(targets, OutputSize, nameof(targets));");
    }

    private void EmitComputeLoss()
    {
        bool linear = Output.Activation == ActivationKind.Linear;
        int outputBuffers = linear ? Output.Units : 2 * Output.Units;
        _writer.WriteLine();
        using (_writer.Open($"/// <summary>Mean {_model.Loss} over a batch, without touching <see cref=\"Gradients\"/>. Thread-safe.</summary>\npublic float ComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
        {
            EmitBatchChecks();
            WithHiddenBuffer(outputBuffers, () =>
            {
                int start = HiddenWidth;
                string zOut = linear ? "aOut" : "zOut";
                if (!linear) _writer.WriteLine($"{Span} zOut = h.Slice({start + Output.Units}, {Output.Units});");
                _writer.WriteLine($"""
                    {Span} aOut = h.Slice({start}, {Output.Units});
                    double total = 0d;
                    """);
                using (_writer.Open("for (int n = 0; n < batch; n++)"))
                {
                    string arguments = ForwardArguments(layer => layer == Output ? (zOut, "aOut") : ($"h{layer.Index}", $"h{layer.Index}"));
                    _writer.WriteLine($"""
                        Forward(_parameters, inputs.Slice(n * InputSize, InputSize), {arguments});
                        total += {LossEmitter.Expression(_model, zOut, "aOut", "targets.Slice(n * TargetSize, TargetSize)", "default", "0f")};
                        """);
                }
                _writer.WriteLine($"return (float)(total / ({Divisor}));");
            });
        }
    }

    private void EmitComputeGradients()
    {
        _writer.WriteLine();
        using (_writer.Open($"/// <summary>Mean {_model.Loss} over a batch; fills <see cref=\"Gradients\"/> with its gradient. Parameters are unchanged.</summary>\npublic float ComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
        {
            EmitBatchChecks();
            _writer.WriteLine($"""
                global::System.Array.Clear(_gradients);
                float scale = {Scale};
                double total = 0d;
                for (int n = 0; n < batch; n++)
                    total += AccumulateSample(inputs.Slice(n * InputSize, InputSize), targets.Slice(n * TargetSize, TargetSize), scale);
                return (float)(total / ({Divisor}));
                """);
        }
    }

    private void EmitTrainStep()
    {
        _writer.WriteLine($$"""

            /// <summary>One SGD step on a batch: <c>parameters -= LearningRate * gradient</c>. Returns the mean loss before the step.</summary>
            public float TrainStep({{ReadOnlySpan}} inputs, {{ReadOnlySpan}} targets)
            {
                float loss = ComputeGradients(inputs, targets);
                global::NeuralDsl.Kernels.Axpy(-_learningRate, _gradients, _parameters);
                return loss;
            }
            """);
    }

    private void EmitAccumulateSample()
    {
        ScratchLayout scratch = TrainingScratch();
        _writer.WriteLine();
        _writer.WriteLine("// Forward and backward pass of one sample: adds its gradient, times scale, to g and returns its loss.");
        using (_writer.Open($"private float AccumulateSample({ReadOnlySpan} x, {ReadOnlySpan} y, float scale)"))
        {
            _writer.WriteLine($"""
                {ReadOnlySpan} p = _parameters;
                {Span} g = _gradients;
                {Span} s = _scratch;
                """);
            foreach (LayerModel layer in Layers)
            {
                (string z, string a) = Names(layer);
                int i = layer.Index;
                if (layer.Activation != ActivationKind.Linear) _writer.WriteLine($"{Span} {z} = s.Slice({scratch.Z[i]}, {layer.Units});");
                _writer.WriteLine($"""
                    {Span} {a} = s.Slice({scratch.A[i]}, {layer.Units});
                    {Span} d{i} = s.Slice({scratch.D[i]}, {layer.Units});
                    """);
            }
            _writer.WriteLine($"Forward(p, x, {ForwardArguments(Names)});");

            (string zOut, string aOut) = Names(Output);
            _writer.WriteLine();
            _writer.WriteLine(LossEmitter.IsFused(_model)
                ? $"// {_model.Loss} fused with {Output.Activation}: d{Output.Index} is the gradient with respect to the logits."
                : $"// {_model.Loss}, then back through {Output.Activation}.");
            _writer.WriteLine($"float loss = {LossEmitter.Expression(_model, zOut, aOut, "y", $"d{Output.Index}", "scale")};");
            if (!LossEmitter.IsFused(_model)) ActivationEmitter.EmitBackward(_writer, Output, zOut, aOut, $"d{Output.Index}");

            foreach (LayerModel layer in Layers.Reverse())
            {
                _writer.WriteLine();
                _writer.WriteLine($"// Layer {layer.Index} backward: weight and bias gradients{(layer.Index > 0 ? $", then the delta of layer {layer.Index - 1}" : "")}.");
                ILayerEmitter emitter = LayerEmitters.For(layer);
                emitter.EmitParameterGradients(_writer, layer, Input(layer), $"d{layer.Index}");
                if (layer.Index == 0) continue;
                LayerModel previous = Layers[layer.Index - 1];
                (string zPrevious, string aPrevious) = Names(previous);
                emitter.EmitInputGradient(_writer, layer, $"d{layer.Index}", $"d{previous.Index}");
                ActivationEmitter.EmitBackward(_writer, previous, zPrevious, aPrevious, $"d{previous.Index}");
            }
            _writer.WriteLine("return loss;");
        }
    }
}
