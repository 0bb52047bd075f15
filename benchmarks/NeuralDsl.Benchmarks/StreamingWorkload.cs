using System;

namespace NeuralDsl.Benchmarks;

// RTNeural's real-time workloads as declared networks; Step, the generated streaming call, is what is timed.
// The declared sequence length does not matter to a stream.
[Network(InputShape = [256, 1])]
[LSTM(16)]
[Dense(1)]
public partial class StreamLstm16;

[Network(InputShape = [256, 8])]
[GRU(32)]
[Dense(1)]
public partial class StreamGru32;

[Network(InputShape = [256, 1])]
[LSTM(40)]
[Dense(1)]
public partial class StreamLstm40;

/// <summary>
/// One streaming recurrent network, recurrent layer then Dense(1), and one stream through it: parameters
/// (normal, scale 0.3, seeded), a signal of 1024 steps (a noisy sine), the state in a caller-owned span,
/// each step through the network's generated <c>Step(input, state, output)</c>, called directly as an
/// application would.
/// </summary>
internal abstract class StreamingWorkload
{
    private const int Signal = 1024;

    private readonly int _inputs;
    private readonly float[] _signal;
    private int _next;

    private protected StreamingWorkload(string name, INetwork network, int inputs, int stateSize)
    {
        Name = name;
        _inputs = inputs;
        var random = new SeededRandom(network.Layers[0].RecurrentUnits);
        Span<float> parameters = network.Parameters;
        for (int i = 0; i < parameters.Length; i++) parameters[i] = 0.3f * (float)random.NextNormal();
        parameters[^1] = 0.1f;
        _signal = new float[Signal * inputs];
        for (int i = 0; i < _signal.Length; i++) _signal[i] = MathF.Sin(0.05f * i) + 0.1f * (float)random.NextNormal();
        _stateBlock = new AlignedFloats(stateSize);
    }

    public string Name { get; }

    private readonly AlignedFloats _stateBlock;

    private protected Span<float> State => _stateBlock.Span;

    private protected float[] Output { get; } = new float[1];

    /// <summary>LSTM(1 -> 16) -> Dense(1).</summary>
    public static StreamingWorkload Lstm16() => new Lstm16Workload();

    /// <summary>GRU(8 -> 32) -> Dense(1), reset_after (Keras' default).</summary>
    public static StreamingWorkload Gru32() => new Gru32Workload();

    /// <summary>LSTM(1 -> 40) -> Dense(1).</summary>
    public static StreamingWorkload Lstm40() => new Lstm40Workload();

    /// <summary>Feeds the signal's next sample through the network; returns the output.</summary>
    public abstract float Step();

    /// <summary>The signal's next sample.</summary>
    private protected ReadOnlySpan<float> Next()
    {
        int n = _next = (_next + 1) & (Signal - 1);
        return _signal.AsSpan(n * _inputs, _inputs);
    }

    private sealed class Lstm16Workload() : StreamingWorkload("LSTM(1->16)->Dense(1)", Net, StreamLstm16.StepInputSize, StreamLstm16.StreamStateSize)
    {
        private static readonly StreamLstm16 Net = new();

        public override float Step()
        {
            Net.Step(Next(), State, Output);
            return Output[0];
        }
    }

    private sealed class Gru32Workload() : StreamingWorkload("GRU(8->32)->Dense(1)", Net, StreamGru32.StepInputSize, StreamGru32.StreamStateSize)
    {
        private static readonly StreamGru32 Net = new();

        public override float Step()
        {
            Net.Step(Next(), State, Output);
            return Output[0];
        }
    }

    private sealed class Lstm40Workload() : StreamingWorkload("LSTM(1->40)->Dense(1)", Net, StreamLstm40.StepInputSize, StreamLstm40.StreamStateSize)
    {
        private static readonly StreamLstm40 Net = new();

        public override float Step()
        {
            Net.Step(Next(), State, Output);
            return Output[0];
        }
    }
}
