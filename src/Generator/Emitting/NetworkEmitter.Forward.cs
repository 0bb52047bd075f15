using System;
using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

internal sealed partial class NetworkEmitter
{
    private const string Span = "global::System.Span<float>";
    private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    private const string Guard = "global::NeuralDsl.NetworkGuard";

    /// <summary>
    /// Names of a layer's pre-activation and activation spans. A linear layer's activation is its
    /// pre-activation, so it has one span, named like an activation.
    /// </summary>
    private static (string Z, string A) Names(LayerModel layer) =>
        layer.Activation == ActivationKind.Linear ? ($"a{layer.Index}", $"a{layer.Index}") : ($"z{layer.Index}", $"a{layer.Index}");

    private static string Input(LayerModel layer) => layer.Index == 0 ? "x" : $"a{layer.Index - 1}";

    /// <summary>Arguments of <c>Forward</c> after <c>p</c> and <c>x</c>: one or two spans per layer.</summary>
    private string ForwardArguments(Func<LayerModel, (string Z, string A)> spans) =>
        string.Join(", ", Layers.SelectMany(layer =>
        {
            (string z, string a) = spans(layer);
            return layer.Activation == ActivationKind.Linear ? new[] { a } : new[] { z, a };
        }));

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
            WithHiddenBuffer(0, () => _writer.WriteLine($"Forward(_parameters, input, {ForwardArguments(OutputInto("output"))});"));
        }

        _writer.WriteLine();
        using (_writer.Open($"/// <summary>Runs a batch forward: <paramref name=\"inputs\"/> holds one row of <see cref=\"InputSize\"/> features per sample. Allocates nothing; thread-safe.</summary>\npublic void PredictBatch({ReadOnlySpan} inputs, {Span} outputs)"))
        {
            _writer.WriteLine($"""
                int batch = {Guard}.BatchSize(inputs.Length, InputSize, nameof(inputs), outputs.Length, OutputSize, "OutputSize", nameof(outputs));
                {Guard}.NoOverlap(inputs, outputs, nameof(outputs));
                """);
            WithHiddenBuffer(0, () =>
            {
                using (_writer.Open("for (int n = 0; n < batch; n++)"))
                {
                    _writer.WriteLine($"""
                        {Span} output = outputs.Slice(n * OutputSize, OutputSize);
                        Forward(_parameters, inputs.Slice(n * InputSize, InputSize), {ForwardArguments(OutputInto("output"))});
                        """);
                }
            });
        }
    }

    /// <summary>Hidden layers write into <c>hN</c> (pre-activation and activation share it); the output layer into <paramref name="output"/>.</summary>
    private Func<LayerModel, (string, string)> OutputInto(string output) =>
        layer => layer == Output ? (output, output) : ($"h{layer.Index}", $"h{layer.Index}");

    /// <summary>
    /// Emits <paramref name="body"/> with span <c>h</c> holding the hidden activations (sliced into
    /// <c>h0</c>, <c>h1</c>, ...) plus <paramref name="extra"/> floats after them, on the stack when
    /// small, else rented from the shared pool.
    /// </summary>
    private void WithHiddenBuffer(int extra, Action body)
    {
        int size = HiddenWidth + extra;
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
            _writer.WriteLine($"""
                float[] rented = global::System.Buffers.ArrayPool<float>.Shared.Rent({size});
                {Span} h = new global::System.Span<float>(rented, 0, {size});
                """);
            _writer.WriteLine("try");
            _writer.WriteLine("{");
            _writer.Indentation++;
        }
        int offset = 0;
        foreach (LayerModel layer in Layers.Take(Layers.Count - 1))
        {
            _writer.WriteLine($"{Span} h{layer.Index} = h.Slice({offset}, {layer.Units});");
            offset += layer.Units;
        }
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

    private void EmitForward()
    {
        string parameters = string.Join(", ", Layers.SelectMany(layer =>
        {
            (string z, string a) = Names(layer);
            return layer.Activation == ActivationKind.Linear ? new[] { $"{Span} {a}" } : new[] { $"{Span} {z}", $"{Span} {a}" };
        }));
        _writer.WriteLine();
        _writer.WriteLine("// The forward pass of one sample. Each layer writes its pre-activation z and activation a; callers");
        _writer.WriteLine("// may pass the same span for both (a linear layer has only one).");
        using (_writer.Open($"private static void Forward({ReadOnlySpan} p, {ReadOnlySpan} x, {parameters})"))
        {
            foreach (LayerModel layer in Layers)
            {
                (string z, string a) = Names(layer);
                if (layer.Index > 0) _writer.WriteLine();
                ILayerEmitter emitter = LayerEmitters.For(layer);
                _writer.WriteLine($"// {emitter.Describe(layer)}");
                emitter.EmitForward(_writer, layer, Input(layer), z);
                ActivationEmitter.EmitForward(_writer, layer, z, a);
            }
        }
    }
}
