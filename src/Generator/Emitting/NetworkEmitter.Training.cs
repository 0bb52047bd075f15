using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

// Training runs layer by layer over the whole batch, so that batch normalisation sees batch statistics
// and dropout keeps its masks for the backward pass. Buffers are [capacity, width] slices of one
// scratch array that grows to the largest batch seen, so training allocates only when a batch is
// larger than every batch before it.
internal sealed partial class NetworkEmitter
{
    /// <summary>Per-sample offsets (times the capacity) of each layer's training spans, -1 where the span is an alias or absent.</summary>
    private sealed record TrainingBuffers(int[] Z, int[] A, int[] D, int[] Extra, int[] PerUnit, int PerSample, int Fixed);

    private TrainingBuffers TrainingLayout()
    {
        int count = Layers.Count, offset = 0, perUnit = 0;
        int[] z = Filled(count), a = Filled(count), d = Filled(count), extra = Filled(count), unit = Filled(count);
        foreach (LayerModel layer in Layers)
        {
            int i = layer.Index;
            if (OwnsZ(layer)) (z[i], offset) = (offset, offset + layer.Units);
            (a[i], offset) = (offset, offset + layer.Units);
            if (ExtraWidth(layer) > 0) (extra[i], offset) = (offset, offset + ExtraWidth(layer));
            (d[i], offset) = (offset, offset + layer.Units);
            if (FixedWidth(layer) > 0) (unit[i], perUnit) = (perUnit, perUnit + FixedWidth(layer));
        }
        return new TrainingBuffers(z, a, d, extra, unit, offset, perUnit);

        static int[] Filled(int n) => Enumerable.Repeat(-1, n).ToArray();
    }

    /// <summary>Per-sample floats of a layer's kind-specific span: dropout's mask, batch normalisation's normalised input, a recurrent layer's cache.</summary>
    private static int ExtraWidth(LayerModel layer) =>
        layer.Kind is LayerKind.Dropout or LayerKind.BatchNormalization ? layer.Units : layer.IsRecurrent ? RecurrentEmitter.CacheSize(layer) : 0;

    /// <summary>Floats of a layer's span that does not grow with the batch: batch normalisation's inverse deviations (one per channel), a recurrent layer's backward scratch.</summary>
    private static int FixedWidth(LayerModel layer) =>
        layer.Kind == LayerKind.BatchNormalization ? layer.NormalizedChannels : layer.IsRecurrent ? RecurrentEmitter.BackwardScratchSize(layer) : 0;

    /// <summary>The batch span names of each layer in the training method.</summary>
    private TrainingSpans[] TrainingPlan()
    {
        var plan = new TrainingSpans[Layers.Count];
        string input = "inputs";
        foreach (LayerModel layer in Layers)
        {
            int i = layer.Index;
            string a = $"a{i}";
            string z = OwnsZ(layer) ? $"z{i}" : layer.Kind is LayerKind.Activation or LayerKind.Flatten ? input : a;
            string? extra = ExtraWidth(layer) > 0 ? $"e{i}" : null;
            string? perUnit = FixedWidth(layer) > 0 ? $"u{i}" : null;
            plan[i] = new TrainingSpans(input, z, a, $"d{i}", i == 0 ? null : $"d{i - 1}", extra, perUnit);
            input = a;
        }
        return plan;
    }

    private string Divisor => LossEmitter.IsElementwiseMean(_model.Loss) ? "(batch * (double)OutputSize)" : "batch";

    private string Scale => LossEmitter.IsElementwiseMean(_model.Loss) ? "1f / (batch * OutputSize)" : "1f / batch";

    private bool HasPenalties => PenaltyTerms().Any();

    /// <summary>The declared penalties as (offset, count, l1, l2) ranges of the parameter span.</summary>
    private IEnumerable<(int Offset, int Count, float L1, float L2)> PenaltyTerms() => Layers.SelectMany(layer => layer.PenaltyRanges());

    /// <summary>An expression adding the declared penalties to the loss (empty when none).</summary>
    private string PenaltySum(bool withGradient)
    {
        if (!HasPenalties) return "";
        if (withGradient) return " + penalty";
        return " + " + string.Join(" + ", PenaltyTerms().Select(t =>
            $"global::NeuralDsl.Training.Regularization.Penalty(_parameters.Span.Slice({t.Offset}, {t.Count}), {Literals.Float(t.L1)}, {Literals.Float(t.L2)})"));
    }

    /// <summary>
    /// The checks before a batch is used: its shape; in training (<paramref name="training"/>) finite inputs
    /// and targets, so that nothing non-finite reaches the parameters; and targets the loss can take
    /// (the regression losses take any value).
    /// </summary>
    private void EmitBatchChecks(bool training)
    {
        _writer.WriteLine($"int batch = {Guard}.BatchSize(inputs.Length, InputSize, nameof(inputs), targets.Length, TargetSize, \"TargetSize\", nameof(targets));");
        if (training)
        {
            _writer.WriteLine($"""
                {Guard}.Finite(inputs, InputSize, "input", nameof(inputs));
                {Guard}.Finite(targets, TargetSize, "target", nameof(targets));
                """);
        }
        if (_model.Loss is LossKind.SparseCategoricalCrossEntropy or LossKind.BinaryCrossEntropy or LossKind.CategoricalCrossEntropy or LossKind.Hinge)
            _writer.WriteLine($"{Guard}.Targets(targets, global::NeuralDsl.Loss.{_model.Loss}, TargetSize, OutputSize, nameof(targets));");
    }

    private void EmitTraining()
    {
        TrainingBuffers buffers = TrainingLayout();
        TrainingSpans[] plan = TrainingPlan();
        _writer.WriteLine();
        using (_writer.Open($"/// <summary>The {LossEmitter.Describe(_model.Loss)} averaged over a batch in training mode{(HasPenalties ? ", plus the declared weight penalties" : "")}; fills <see cref=\"Gradients\"/> with its gradient. Parameters are unchanged.</summary>\n{Optimised}\npublic float ComputeGradients({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
        {
            EmitBatchChecks(training: true);
            // A batch normalisation of one value per channel and sample needs two samples; after a convolution
            // the positions of one sample are enough, as in Keras.
            if (Layers.Any(l => l.Kind == LayerKind.BatchNormalization && l.Inputs == l.NormalizedChannels))
                _writer.WriteLine($"{Guard}.MinimumBatch(batch, 2, \"BatchNormalization\", nameof(inputs));");
            _writer.WriteLine($"""
                EnsureCapacity(batch);
                _lastBatch = batch;
                {ReadOnlySpan} p = _parameters.Span;
                {Span} g = Gradients;
                {Span} s = _scratch;
                int c = _capacity;
                """);
            if (HasState) _writer.WriteLine($"{Span} st = _state;");
            EmitTrainingSpans(buffers);
            _writer.WriteLine("g.Clear();");

            foreach (LayerModel layer in Layers)
            {
                TrainingSpans spans = plan[layer.Index];
                ILayerEmitter emitter = LayerEmitters.For(layer);
                _writer.WriteLine();
                _writer.WriteLine($"// Forward, {emitter.Describe(layer)}");
                emitter.EmitTrainingTransform(_writer, layer, spans);
                if (layer.Activation == ActivationKind.Linear && spans.Z != spans.A)
                    _writer.WriteLine($"{spans.Z}.CopyTo({spans.A});"); // a linear Activation layer passes its input on
                else if (layer.Activation != ActivationKind.Linear)
                    LayerEmitters.Rows(_writer, () => ActivationEmitter.EmitForward(_writer, layer, "zr", "ar", _model.ExactActivations), (spans.Z, "zr", layer.Units), (spans.A, "ar", layer.Units));
            }

            EmitLossAndOutputDelta(plan[Output.Index]);

            foreach (LayerModel layer in Layers.Reverse())
            {
                TrainingSpans spans = plan[layer.Index];
                _writer.WriteLine();
                _writer.WriteLine($"// Backward, layer {layer.Index}: parameter gradients{(layer.Index > 0 ? $", then the delta of layer {layer.Index - 1}" : "")}.");
                LayerEmitters.For(layer).EmitBackward(_writer, layer, spans);
                if (layer.Index == 0) continue;
                LayerModel previous = Layers[layer.Index - 1];
                TrainingSpans before = plan[previous.Index];
                if (previous.Activation != ActivationKind.Linear)
                    LayerEmitters.Rows(_writer, () => ActivationEmitter.EmitBackward(_writer, previous, "zr", "ar", "dr"),
                        (before.Z, "zr", previous.Units), (before.A, "ar", previous.Units), (before.D, "dr", previous.Units));
            }

            if (HasPenalties)
            {
                _writer.WriteLine();
                _writer.WriteLine("// Declared L1/L2 penalties: added to the loss and to the gradient.");
                _writer.WriteLine("float penalty = 0f;");
                foreach ((int offset, int count, float l1, float l2) in PenaltyTerms())
                    _writer.WriteLine($"penalty += global::NeuralDsl.Training.Regularization.Apply(p.Slice({offset}, {count}), g.Slice({offset}, {count}), {Literals.Float(l1)}, {Literals.Float(l2)});");
            }
            _writer.WriteLine($"return (float)(total / {Divisor}){PenaltySum(withGradient: true)};");
        }

        _writer.WriteLine($$"""

            /// <summary>One optimiser step on a batch: <see cref="ComputeGradients"/>, then <see cref="TrainingOptimizer"/> updates the parameters. Returns the loss before the step.</summary>
            public float TrainStep({{ReadOnlySpan}} inputs, {{ReadOnlySpan}} targets)
            {
                float loss = ComputeGradients(inputs, targets);
                TrainingOptimizer.Step(_parameters.Span, Gradients);
                return loss;
            }

            // Grows the training buffers to hold a batch of the given size; the only allocation of training.
            private void EnsureCapacity(int batch)
            {
                if (batch <= _capacity) return;
                _scratch = new float[global::NeuralDsl.NetworkGuard.TrainingBufferSize(batch, {{buffers.PerSample}}, {{buffers.Fixed}})];
                _capacity = batch;
            }
            """);
    }

    private void EmitTrainingSpans(TrainingBuffers buffers)
    {
        foreach (LayerModel layer in Layers)
        {
            int i = layer.Index;
            var spans = new List<string>();
            if (buffers.Z[i] >= 0) spans.Add($"z{i} = s.Slice({Start(buffers.Z[i])}, batch * {layer.Units})");
            spans.Add($"a{i} = s.Slice({Start(buffers.A[i])}, batch * {layer.Units})");
            if (buffers.Extra[i] >= 0) spans.Add($"e{i} = s.Slice({Start(buffers.Extra[i])}, batch * {ExtraWidth(layer)})");
            spans.Add($"d{i} = s.Slice({Start(buffers.D[i])}, batch * {layer.Units})");
            if (buffers.PerUnit[i] >= 0) spans.Add($"u{i} = s.Slice(c * {buffers.PerSample}{(buffers.PerUnit[i] == 0 ? "" : $" + {buffers.PerUnit[i]}")}, {FixedWidth(layer)})");
            foreach (string span in spans) _writer.WriteLine($"{Span} {span};");
        }
    }

    /// <summary>Start of a [capacity, width] buffer at per-sample offset <paramref name="offset"/>.</summary>
    private static string Start(int offset) => offset == 0 ? "0" : $"c * {offset}";

    private void EmitLossAndOutputDelta(TrainingSpans output)
    {
        bool fused = LossEmitter.IsFused(_model);
        _writer.WriteLine();
        _writer.WriteLine(fused
            ? $"// {_model.Loss} fused with {Output.Activation}: d{Output.Index} is the gradient with respect to the logits."
            : Output.Activation == ActivationKind.Linear
                ? $"// {_model.Loss} on the linear output."
                : $"// {_model.Loss}, then back through {Output.Activation}.");
        _writer.WriteLine($"""
            float scale = {Scale};
            double total = 0d;
            """);
        LayerEmitters.Rows(_writer, () =>
            {
                _writer.WriteLine($"total += {LossEmitter.Expression(_model, "zr", "ar", "yr", "dr", "scale")};");
                if (!fused) ActivationEmitter.EmitBackward(_writer, Output, "zr", "ar", "dr");
            },
            (output.Z, "zr", Output.Units), (output.A, "ar", Output.Units), ("targets", "yr", _model.TargetSize), (output.D, "dr", Output.Units));
    }
}
