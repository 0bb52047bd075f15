using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

// Streaming inference for recurrent networks: one time step in, the network's output out, the recurrent
// layers' states kept between calls (RTNeural's real-time use). A network streams when it reads its
// sequence only through recurrent layers: an optional embedding, then one-way recurrent layers (dropout
// between them), the last one returning its last output, then vector layers.
internal sealed partial class NetworkEmitter
{
    /// <summary>The index of the last recurrent layer if the network can stream, else -1.</summary>
    private int StreamingSplit
    {
        get
        {
            int last = -1;
            foreach (LayerModel layer in Layers)
            {
                if (layer.IsRecurrent) last = layer.Index;
            }
            if (last < 0 || Layers[last].Recurrence.ReturnSequences) return -1;
            bool streams = Layers.Take(last + 1).All(layer =>
                (layer.IsRecurrent && !layer.Recurrence.Bidirectional) || layer.Kind is LayerKind.Embedding or LayerKind.Dropout);
            return streams ? last : -1;
        }
    }

    private IEnumerable<LayerModel> StreamingRecurrent => Layers.Take(StreamingSplit + 1).Where(l => l.IsRecurrent);

    /// <summary>Floats of the recurrent layers' states, at the start of a stream's state.</summary>
    private int RecurrentStateSize => StreamingRecurrent.Sum(RecurrentEmitter.StateSize);

    private void EmitStreaming()
    {
        int split = StreamingSplit;
        if (split < 0) return;
        int stepInputs = Layers[0].Kind == LayerKind.Embedding ? 1 : _model.Input.Channels;
        _writer.WriteLine($$"""

            /// <summary>Values of one time step for <see cref="Step(global::System.ReadOnlySpan{float}, global::System.Span{float})"/>: {{(stepInputs == 1 && Layers[0].Kind == LayerKind.Embedding ? "one token id" : "the features of one step")}}.</summary>
            public const int StepInputSize = {{stepInputs}};

            /// <summary>
            /// Floats of one stream's state: each recurrent layer's hidden state (and an LSTM's cell state), in layer order,
            /// then the step's working space (each stream has its own, so steps on different streams may run at once).
            /// </summary>
            public const int StreamStateSize = {{RecurrentStateSize + StepBufferSize(split)}};

            // The stream that Step(input, output) advances, on a 64-byte boundary like the parameters.
            private readonly global::NeuralDsl.AlignedFloats _stream = new(StreamStateSize);

            /// <summary>
            /// Advances the network's own stream by one time step and writes the network's output for the steps so far
            /// (after as many steps as a declared sample holds, from a reset, exactly what <see cref="Predict"/> gives for that sample).
            /// Allocates nothing. Not thread-safe: the state is the instance's; for several streams use the overload with a state span.
            /// </summary>
            public void Step({{ReadOnlySpan}} input, {{Span}} output) => Step(input, _stream.Span, output);

            /// <summary>Clears the network's own stream: the next <see cref="Step(global::System.ReadOnlySpan{float}, global::System.Span{float})"/> starts a new sequence.</summary>
            public void ResetState() => _stream.Span.Clear();

            /// <summary>Clears a stream's state (<see cref="StreamStateSize"/> floats): the next step on it starts a new sequence.</summary>
            public static void ResetState({{Span}} state)
            {
                {{Guard}}.Length(state.Length, StreamStateSize, "StreamStateSize", nameof(state));
                state.Clear();
            }
            """);
        EmitStepMethod(split);
    }

    /// <summary>Floats of a step's working space: the spans the layers write (<see cref="StepPlan"/>), then the recurrent steps' shared scratch.</summary>
    private int StepBufferSize(int split) => StepPlan(split).Owned.Sum(o => o.Size) + StreamingRecurrent.Max(RecurrentEmitter.StepScratchSize);

    /// <summary>Each layer's (input, z, a) in a step, and the spans of the working space: sN for each layer N that writes new values.</summary>
    private (List<(string Name, int Size)> Owned, Dictionary<int, (string Input, string Z, string A)> Plan) StepPlan(int split)
    {
        var owned = new List<(string Name, int Size)>();
        var plan = new Dictionary<int, (string Input, string Z, string A)>();
        string input = "input";
        foreach (LayerModel layer in Layers)
        {
            bool prefix = layer.Index <= split;
            int width = prefix && !layer.IsRecurrent ? layer.OutputShape.Channels : prefix ? layer.Recurrence.Units : layer.Units;
            bool owns = layer.Kind is LayerKind.Embedding || layer.IsRecurrent || (!prefix && OwnsA(layer));
            string a = !owns ? input : layer == Output ? "output" : $"s{layer.Index}";
            if (owns && layer != Output) owned.Add((a, width));
            plan[layer.Index] = (input, layer.HasTransform ? a : input, a);
            input = a;
        }
        return (owned, plan);
    }

    private void EmitStepMethod(int split)
    {
        (List<(string Name, int Size)> owned, Dictionary<int, (string Input, string Z, string A)> plan) = StepPlan(split);
        int scratch = StreamingRecurrent.Max(RecurrentEmitter.StepScratchSize);

        _writer.WriteLine();
        using (_writer.Open($"/// <summary>\n/// Advances the stream whose state is <paramref name=\"state\"/> (<see cref=\"StreamStateSize\"/> floats, zero to start: see <see cref=\"ResetState(global::System.Span{{float}})\"/>)\n/// by one time step <paramref name=\"input\"/> (<see cref=\"StepInputSize\"/> values) and writes the network's output for the steps so far.\n/// One network serves any number of streams, each with its own state; allocates nothing.\n/// </summary>\n{Optimised}\npublic void Step({ReadOnlySpan} input, {Span} state, {Span} output)"))
        {
            _writer.WriteLine($"""
                {Guard}.Length(input.Length, StepInputSize, "StepInputSize", nameof(input));
                {Guard}.Length(state.Length, StreamStateSize, "StreamStateSize", nameof(state));
                {Guard}.Length(output.Length, OutputSize, "OutputSize", nameof(output));
                {Guard}.NoOverlap(input, output, nameof(output));
                {Guard}.NoOverlap(state, output, nameof(output));
                {Guard}.NoOverlap(input, state, nameof(state));
                {ReadOnlySpan} p = {ParametersArgument};
                {Span} buffer = state.Slice({RecurrentStateSize}, {StepBufferSize(split)}); // the stream's working space
                """);
            if (HasState) _writer.WriteLine($"{ReadOnlySpan} st = {(_baked is null ? "_state" : "State")};");
            int offset = 0;
            foreach ((string name, int width) in owned)
            {
                _writer.WriteLine($"{Span} {name} = buffer.Slice({offset}, {width});");
                offset += width;
            }
            // LSTMs and reset_after GRUs step with no scratch at all.
            if (scratch > 0) _writer.WriteLine($"{Span} scratch = buffer.Slice({offset}, {scratch});");
            int stateOffset = 0;
            foreach (LayerModel layer in Layers)
            {
                (string x, string z, string a) = plan[layer.Index];
                _writer.WriteLine();
                if (layer.Index > split)
                {
                    _writer.WriteLine($"// {LayerEmitters.For(layer).Describe(layer)}");
                    EmitSampleLayer(layer, x, z, a);
                    continue;
                }
                switch (layer.Kind)
                {
                    case LayerKind.Embedding:
                        _writer.WriteLine($"// Layer {layer.Index}: the token's row of the embedding table.");
                        LayerEmitters.For(layer).EmitInferenceTransform(_writer, layer, x, a);
                        break;
                    case LayerKind.Dropout:
                        _writer.WriteLine($"// Layer {layer.Index}: Dropout, the identity in inference.");
                        break;
                    default:
                        int stateSize = RecurrentEmitter.StateSize(layer);
                        _writer.WriteLine($"// Layer {layer.Index}: one step of {layer.Kind}({layer.Recurrence.Units}), its state at state[{stateOffset}..{stateOffset + stateSize}).");
                        _writer.WriteLine($"{RecurrentEmitter.StepKernels(layer)}.Step({RecurrentEmitter.Geometry(layer)}, {x}, state.Slice({stateOffset}, {stateSize}), p.Slice({layer.ParameterOffset}, {layer.ParameterCount}), {a}, {(RecurrentEmitter.StepScratchSize(layer) > 0 ? $"scratch.Slice(0, {RecurrentEmitter.StepScratchSize(layer)})" : "default")});");
                        stateOffset += stateSize;
                        break;
                }
            }
        }
    }
}
