using System;
using System.Runtime.Intrinsics;
using NeuralDsl.Recurrent;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// One streaming recurrent network, recurrent layer then Dense(1), and one stream through it: parameters
/// (normal, scale 0.3, seeded), a signal of 1024 steps (a noisy sine), the state in a caller-owned span.
/// Every width is a multiple of 8.
/// </summary>
internal sealed class StreamingWorkload
{
    private const int Signal = 1024;

    private readonly LstmGeometry _lstm;
    private readonly GruGeometry _gru;
    private readonly bool _isGru;
    private readonly float[] _parameters, _dense, _signal, _state, _scratch, _h;
    private readonly float _bias;
    private int _next;

    private StreamingWorkload(string name, int inputs, int units, bool gru)
    {
        Name = name;
        _isGru = gru;
        _lstm = new LstmGeometry(1, inputs, units);
        _gru = new GruGeometry(1, inputs, units, resetAfter: true);
        var random = new SeededRandom(units);
        _parameters = Normal(ref random, gru ? _gru.ParameterCount : _lstm.ParameterCount, 0.3f);
        _dense = Normal(ref random, units, 0.3f);
        _bias = 0.1f;
        _signal = new float[Signal * inputs];
        for (int i = 0; i < _signal.Length; i++) _signal[i] = MathF.Sin(0.05f * i) + 0.1f * (float)random.NextNormal();
        _state = new float[gru ? _gru.StateSize : _lstm.StateSize];
        _scratch = new float[gru ? _gru.StepScratchSize : _lstm.StepScratchSize];
        _h = new float[units];
    }

    public string Name { get; }

    /// <summary>LSTM(1 -> 16) -> Dense(1).</summary>
    public static StreamingWorkload Lstm16() => new("LSTM(1->16)->Dense(1)", 1, 16, gru: false);

    /// <summary>GRU(8 -> 32) -> Dense(1), reset_after (Keras' default).</summary>
    public static StreamingWorkload Gru32() => new("GRU(8->32)->Dense(1)", 8, 32, gru: true);

    /// <summary>LSTM(1 -> 40) -> Dense(1).</summary>
    public static StreamingWorkload Lstm40() => new("LSTM(1->40)->Dense(1)", 1, 40, gru: false);

    /// <summary>Feeds the signal's next sample through the network; returns the output.</summary>
    public float Step()
    {
        int n = _next = (_next + 1) & (Signal - 1), inputs = _isGru ? _gru.Inputs : _lstm.Inputs;
        ReadOnlySpan<float> x = _signal.AsSpan(n * inputs, inputs);
        if (_isGru) GruKernels.Step(_gru, x, _state, _parameters, _h, _scratch);
        else LstmKernels.Step(_lstm, x, _state, _parameters, _h, _scratch);
        return Dense(_h, _dense, _bias);
    }

    // Dense(1): a dot product in registers, as generated code can emit for a constant width (a multiple of 8).
    private static float Dense(ReadOnlySpan<float> h, ReadOnlySpan<float> w, float bias)
    {
        Vector256<float> sum = Vector256<float>.Zero;
        for (int j = 0; j < h.Length; j += 8) sum = DenseKernels.MultiplyAdd(Vector256.Create(h.Slice(j, 8)), Vector256.Create(w.Slice(j, 8)), sum);
        return bias + Vector256.Sum(sum);
    }

    private static float[] Normal(ref SeededRandom random, int count, float scale)
    {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = scale * (float)random.NextNormal();
        return values;
    }
}
