using System;
using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

// The per-sample forward pass, shared by Predict, PredictBatch and ComputeLoss (inference mode:
// dropout is the identity, batch normalisation uses its running statistics).
internal sealed partial class NetworkEmitter
{
    /// <summary>Whether a layer's pre-activation needs a span of its own in training (else it is its activation, or its input).</summary>
    private static bool OwnsZ(LayerModel layer) => layer.HasTransform && layer.Activation != ActivationKind.Linear;

    /// <summary>
    /// Whether a layer's pre-activation needs a span of its own in inference: only the output's, which
    /// <c>ComputeLoss</c> reads for losses fused with their activation. A hidden layer's activation
    /// overwrites its pre-activation in place (or, fused, replaces it before the store).
    /// </summary>
    private bool InferenceOwnsZ(LayerModel layer) => layer == Output && OwnsZ(layer);

    /// <summary>Whether a layer's inference activation needs a span of its own. Dropout and Flatten pass their input on, unless it is the output.</summary>
    private bool OwnsA(LayerModel layer) => layer.Kind is not (LayerKind.Dropout or LayerKind.Flatten) || layer == Output;

    /// <summary>
    /// The spans each layer reads and writes in the forward pass, given the names of the spans it owns
    /// (<paramref name="owned"/> gets the layer and "z" or "a"). Non-owned spans alias: a linear layer's
    /// z is its a; an activation layer's or dropout's z is its input.
    /// </summary>
    private (string Input, string Z, string A)[] InferencePlan(string input, Func<LayerModel, string, string> owned)
    {
        var plan = new (string, string, string)[Layers.Count];
        foreach (LayerModel layer in Layers)
        {
            string a = OwnsA(layer) ? owned(layer, "a") : input;
            string z = InferenceOwnsZ(layer) ? owned(layer, "z") : layer.HasTransform ? a : input;
            plan[layer.Index] = (input, z, a);
            input = a;
        }
        return plan;
    }

    /// <summary>The owned spans in order: the parameters of Forward, and the arguments at each call site.</summary>
    private IEnumerable<string> OwnedSpans(Func<LayerModel, string, string> owned) =>
        Layers.SelectMany(layer =>
            (InferenceOwnsZ(layer) ? new[] { owned(layer, "z") } : Array.Empty<string>())
            .Concat(OwnsA(layer) ? new[] { owned(layer, "a") } : Array.Empty<string>()));

    private string StateArgument => !HasState ? "" : _baked is null ? "_state, " : "State, ";

    /// <summary>Floats of the forward pass's workspace, reused by each sample: the largest recurrent layer's cache (0: none).</summary>
    private int Workspace => Layers.Where(l => l.IsRecurrent).Select(RecurrentEmitter.Workspace).DefaultIfEmpty(0).Max();

    /// <summary>The workspace argument after the input at the forward pass's call sites (empty when none).</summary>
    private string WorkspaceArgument => Workspace > 0 ? "ws, " : "";

    /// <summary>The parameters the forward pass reads: the instance's array, or a baked network's constant data.</summary>
    private string ParametersArgument => _baked is null ? "_parameters.Span" : "Parameters";

    /// <summary>At call sites, hidden layers write into <c>hN</c> (z and a share it) and the output layer into <paramref name="output"/>.</summary>
    private Func<LayerModel, string, string> HiddenThen(string output) =>
        (layer, _) => layer == Output ? output : $"h{layer.Index}";

    private void EmitPredict()
    {
        _writer.WriteLine();
        using (_writer.Open($"/// <summary>Runs one sample forward. Allocates nothing; safe to call from several threads at once.</summary>\npublic void Predict({ReadOnlySpan} input, {Span} output)"))
        {
            _writer.WriteLine($"""
                {Guard}.Length(input.Length, InputSize, "InputSize", nameof(input));
                {Guard}.Length(output.Length, OutputSize, "OutputSize", nameof(output));
                {Guard}.NoOverlap(input, output, nameof(output));
                """);
            WithHiddenBuffer(0, () => _writer.WriteLine($"Forward({ParametersArgument}, {StateArgument}input, {WorkspaceArgument}{string.Join(", ", OwnedSpans(HiddenThen("output")))});"));
        }

        _writer.WriteLine();
        using (_writer.Open($"/// <summary>Runs a batch forward: <paramref name=\"inputs\"/> holds one row of <see cref=\"InputSize\"/> features per sample. Allocates nothing; thread-safe.</summary>\npublic void PredictBatch({ReadOnlySpan} inputs, {Span} outputs)"))
        {
            _writer.WriteLine($"""
                int batch = {Guard}.BatchSize(inputs.Length, InputSize, nameof(inputs), outputs.Length, OutputSize, "OutputSize", nameof(outputs));
                {Guard}.NoOverlap(inputs, outputs, nameof(outputs));
                """);
            // Layer by layer over chunks of samples, so that large layers multiply blocks of rows.
            WithHiddenBuffer(0, () =>
            {
                using (_writer.Open($"for (int start = 0; start < batch; start += {EmitPolicy.BatchChunk})"))
                {
                    _writer.WriteLine($"int rows = global::System.Math.Min({EmitPolicy.BatchChunk}, batch - start);");
                    string spans = string.Join(", ", OwnedSpans((layer, _) => layer == Output
                        ? "outputs.Slice(start * OutputSize, rows * OutputSize)"
                        : $"h{layer.Index}.Slice(0, rows * {layer.Units})"));
                    _writer.WriteLine($"ForwardRows({ParametersArgument}, {StateArgument}inputs.Slice(start * InputSize, rows * InputSize), rows, {WorkspaceArgument}{spans});");
                }
            }, rows: EmitPolicy.BatchChunk);
        }
    }

    /// <summary>Units of the hidden layers that own a span: the buffer a forward pass needs besides its output.</summary>
    private int HiddenWidth => Layers.Where(l => l != Output && OwnsA(l)).Sum(l => l.Units);

    /// <summary>
    /// Emits <paramref name="body"/> with span <c>h</c> holding the hidden activations of
    /// <paramref name="rows"/> samples (sliced into <c>h0</c>, <c>h1</c>, ...) plus <paramref name="extra"/>
    /// floats after them, then the workspace <c>ws</c> if the network has one, on the stack when small,
    /// else rented from the shared pool.
    /// </summary>
    private void WithHiddenBuffer(int extra, Action body, int rows = 1)
    {
        int size = rows * HiddenWidth + extra + Workspace;
        if (size == 0)
        {
            body();
            return;
        }
        bool onStack = size <= EmitPolicy.StackLimit;
        if (onStack)
        {
            _writer.WriteLine($"{Span} h = stackalloc float[{size}];");
        }
        else
        {
            _writer.WriteLine($$"""
                float[] rented = global::System.Buffers.ArrayPool<float>.Shared.Rent({{size}});
                {{Span}} h = new global::System.Span<float>(rented, 0, {{size}});
                try
                {
                """);
            _writer.Indentation++;
        }
        int offset = 0;
        foreach (LayerModel layer in Layers.Where(l => l != Output && OwnsA(l)))
        {
            _writer.WriteLine($"{Span} h{layer.Index} = h.Slice({offset}, {rows * layer.Units});");
            offset += rows * layer.Units;
        }
        if (Workspace > 0) _writer.WriteLine($"{Span} ws = h.Slice({rows * HiddenWidth + extra}, {Workspace});");
        body();
        if (!onStack)
        {
            _writer.Indentation--;
            _writer.WriteLine("""
                }
                finally
                {
                    global::System.Buffers.ArrayPool<float>.Shared.Return(rented);
                }
                """);
        }
    }

    private void EmitForward() => EmitForwardMethod(batched: false);

    private void EmitForwardRows() => EmitForwardMethod(batched: true);

    /// <summary>
    /// The inference forward pass as a private static method: <c>Forward</c> for one sample, or
    /// <c>ForwardRows</c> for a batch of [batch, width] spans, where each layer's transform covers the
    /// whole batch and its activation runs row by row. Both share the same plan of spans.
    /// </summary>
    private void EmitForwardMethod(bool batched)
    {
        Func<LayerModel, string, string> names = (layer, kind) => InferenceOwnsZ(layer) ? kind + layer.Index : "a" + layer.Index;
        string parameters = string.Join(", ", OwnedSpans(names).Select(name => $"{Span} {name}"));
        string state = HasState ? $"{ReadOnlySpan} st, " : "";
        string workspace = Workspace > 0 ? $"{Span} ws, " : "";
        _writer.WriteLine();
        if (batched)
        {
            _writer.WriteLine("// The forward pass of a batch ([batch, width] spans) in inference mode, layer by layer.");
        }
        else
        {
            _writer.WriteLine("// The forward pass of one sample in inference mode. A hidden layer writes its activation a (small");
            _writer.WriteLine("// dense layers apply it in registers); the output layer its pre-activation z and activation a.");
        }
        string signature = batched
            ? $"{Optimised}\nprivate static void ForwardRows({ReadOnlySpan} p, {state}{ReadOnlySpan} x, int batch, {workspace}{parameters})"
            : $"private static void Forward({ReadOnlySpan} p, {state}{ReadOnlySpan} x, {workspace}{parameters})";
        using (_writer.Open(signature))
        {
            var plan = InferencePlan("x", names);
            foreach (LayerModel layer in Layers)
            {
                (string input, string z, string a) = plan[layer.Index];
                ILayerEmitter emitter = LayerEmitters.For(layer);
                if (layer.Index > 0) _writer.WriteLine();
                _writer.WriteLine($"// {emitter.Describe(layer)}");
                if (!batched)
                {
                    EmitSampleLayer(layer, input, z, a);
                    continue;
                }
                emitter.EmitInferenceBatchTransform(_writer, layer, input, z);
                if (layer.Activation != ActivationKind.Linear)
                    LayerEmitters.Rows(_writer, () => ActivationEmitter.EmitForward(_writer, layer, "zr", "ar", _model.ExactActivations), (z, "zr", layer.Units), (a, "ar", layer.Units));
                else if (z != a)
                    _writer.WriteLine($"{z}.CopyTo({a});");
            }
        }
    }

    /// <summary>One layer of one sample in inference mode: its transform and activation, fused where the kind can.</summary>
    private void EmitSampleLayer(LayerModel layer, string input, string z, string a)
    {
        ILayerEmitter emitter = LayerEmitters.For(layer);
        if (z != a || !emitter.EmitFusedInference(_writer, layer, input, a, _model.ExactActivations))
        {
            emitter.EmitInferenceTransform(_writer, layer, input, z);
            ActivationEmitter.EmitForward(_writer, layer, z, a, _model.ExactActivations);
        }
        if (layer.Activation == ActivationKind.Linear && z != a) _writer.WriteLine($"{z}.CopyTo({a});");
    }

    private void EmitComputeLoss()
    {
        bool separateLogits = InferenceOwnsZ(Output);
        int outputBuffers = separateLogits ? 2 * Output.Units : Output.Units;
        Func<LayerModel, string, string> owned = (layer, kind) => layer == Output ? (kind == "z" ? "zOut" : "aOut") : $"h{layer.Index}";
        (string _, string zOut, string aOut) = InferencePlan("x", owned)[Output.Index];
        _writer.WriteLine();
        using (_writer.Open($"/// <summary>The {LossEmitter.Describe(_model.Loss)} averaged over a batch in inference mode{(HasPenalties ? ", plus the declared weight penalties" : "")}, without touching <see cref=\"Gradients\"/>. Thread-safe.</summary>\n{Optimised}\npublic float ComputeLoss({ReadOnlySpan} inputs, {ReadOnlySpan} targets)"))
        {
            EmitBatchChecks(training: false);
            WithHiddenBuffer(outputBuffers, () =>
            {
                int start = HiddenWidth;
                _writer.WriteLine($"{Span} aOut = h.Slice({start}, {Output.Units});");
                if (separateLogits) _writer.WriteLine($"{Span} zOut = h.Slice({start + Output.Units}, {Output.Units});");
                _writer.WriteLine("double total = 0d;");
                using (_writer.Open("for (int n = 0; n < batch; n++)"))
                {
                    _writer.WriteLine($"""
                        {ReadOnlySpan} x = inputs.Slice(n * InputSize, InputSize);
                        {ReadOnlySpan} y = targets.Slice(n * TargetSize, TargetSize);
                        Forward(_parameters.Span, {StateArgument}x, {WorkspaceArgument}{string.Join(", ", OwnedSpans(owned))});
                        total += {LossEmitter.Expression(_model, zOut, aOut, "y", "default", "0f")};
                        """);
                }
                _writer.WriteLine($"return (float)(total / {Divisor}){PenaltySum(withGradient: false)};");
            });
        }
    }
}
