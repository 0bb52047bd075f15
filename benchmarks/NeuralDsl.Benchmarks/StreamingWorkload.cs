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
/// each step through the network's generated <c>Step(input, state, output)</c>.
/// </summary>
internal sealed class StreamingWorkload
{
    private const int Signal = 1024;

    // One of the three networks is set; Step calls it directly, as an application would (no delegate).
    private readonly StreamLstm16? _lstm16;
    private readonly StreamGru32? _gru32;
    private readonly StreamLstm40? _lstm40;
    private readonly int _inputs;
    private readonly float[] _signal, _state, _output = new float[1];
    private int _next;

    private StreamingWorkload(string name, INetwork network, int inputs, int stateSize)
    {
        Name = name;
        _lstm16 = network as StreamLstm16;
        _gru32 = network as StreamGru32;
        _lstm40 = network as StreamLstm40;
        _inputs = inputs;
        var random = new SeededRandom(network.ParameterCount);
        Span<float> parameters = network.Parameters;
        for (int i = 0; i < parameters.Length; i++) parameters[i] = 0.3f * (float)random.NextNormal();
        _signal = new float[Signal * inputs];
        for (int i = 0; i < _signal.Length; i++) _signal[i] = MathF.Sin(0.05f * i) + 0.1f * (float)random.NextNormal();
        _state = new float[stateSize];
    }

    public string Name { get; }

    /// <summary>LSTM(1 -> 16) -> Dense(1).</summary>
    public static StreamingWorkload Lstm16()
    {
        return new("LSTM(1->16)->Dense(1)", new StreamLstm16(), StreamLstm16.StepInputSize, StreamLstm16.StreamStateSize);
    }

    /// <summary>GRU(8 -> 32) -> Dense(1), reset_after (Keras' default).</summary>
    public static StreamingWorkload Gru32()
    {
        return new("GRU(8->32)->Dense(1)", new StreamGru32(), StreamGru32.StepInputSize, StreamGru32.StreamStateSize);
    }

    /// <summary>LSTM(1 -> 40) -> Dense(1).</summary>
    public static StreamingWorkload Lstm40()
    {
        return new("LSTM(1->40)->Dense(1)", new StreamLstm40(), StreamLstm40.StepInputSize, StreamLstm40.StreamStateSize);
    }

    /// <summary>Feeds the signal's next sample through the network; returns the output.</summary>
    public float Step()
    {
        int n = _next = (_next + 1) & (Signal - 1);
        ReadOnlySpan<float> x = _signal.AsSpan(n * _inputs, _inputs);
        if (_lstm16 is not null) _lstm16.Step(x, _state, _output);
        else if (_gru32 is not null) _gru32.Step(x, _state, _output);
        else _lstm40!.Step(x, _state, _output);
        return _output[0];
    }
}
