using System;
using NeuralDsl.Recurrent;

namespace NeuralDsl.Tests.Recurrent;

/// <summary>
/// The per-step streaming calls: stepping through a sequence gives exactly the whole-sequence forward
/// pass's outputs; streams with their own state spans do not disturb each other; Reset starts anew.
/// </summary>
public class RecurrentStreamingTests
{
    public static TheoryData<string> Kinds => new() { "SimpleRnn", "Lstm", "GruResetAfter", "GruResetBefore" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Stepping_through_a_sequence_gives_the_forward_pass_outputs_exactly(string kind)
    {
        var stream = Streamer.Create(kind, steps: 12, inputs: 3, units: 20);
        (float[] x, float[] p) = RecurrentGradientTests.Sample(stream.Case, 4);
        float[] whole = new float[stream.Case.OutputSize(true)];
        stream.Case.Forward(x, p, new float[stream.Case.CacheSize], whole, returnSequences: true);

        float[] state = new float[stream.StateSize], h = new float[stream.Case.Units];
        for (int t = 0; t < stream.Case.Steps; t++)
        {
            stream.Step(x.AsSpan(t * 3, 3), state, p, h);
            Assert.Equal(whole.AsSpan(t * 20, 20).ToArray(), h);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Interleaved_streams_with_their_own_state_equal_separate_runs(string kind)
    {
        var stream = Streamer.Create(kind, steps: 9, inputs: 2, units: 7);
        (float[] a, float[] p) = RecurrentGradientTests.Sample(stream.Case, 5);
        float[] b = RecurrentCase.Random(6, a.Length, 1f);
        float[] alone = Run(stream, a, p), other = Run(stream, b, p);

        float[] stateA = new float[stream.StateSize], stateB = new float[stream.StateSize], h = new float[7];
        float[] outA = new float[alone.Length], outB = new float[other.Length];
        for (int t = 0; t < 9; t++)
        {
            stream.Step(a.AsSpan(t * 2, 2), stateA, p, h);
            h.CopyTo(outA, t * 7);
            stream.Step(b.AsSpan(t * 2, 2), stateB, p, h);
            h.CopyTo(outB, t * 7);
        }
        Assert.Equal(alone, outA);
        Assert.Equal(other, outB);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reset_starts_a_new_sequence(string kind)
    {
        var stream = Streamer.Create(kind, steps: 5, inputs: 2, units: 4);
        (float[] x, float[] p) = RecurrentGradientTests.Sample(stream.Case, 8);
        float[] state = new float[stream.StateSize];
        float[] first = Run(stream, x, p, state);
        stream.Reset(state);
        Assert.All(state, v => Assert.Equal(0f, v));
        Assert.Equal(first, Run(stream, x, p, state));
    }

    [Fact]
    public void Wrong_lengths_are_refused_naming_the_size_and_change_nothing()
    {
        var lstm = new LstmGeometry(3, 2, 4);
        float[] p = new float[lstm.ParameterCount], state = [1, 2, 3, 4, 5, 6, 7, 8], h = new float[4], scratch = new float[lstm.StepScratchSize];
        var e = Assert.Throws<ArgumentException>(() => LstmKernels.Step(lstm, new float[3], state, p, h, scratch));
        Assert.Contains("Inputs", e.Message);
        e = Assert.Throws<ArgumentException>(() => LstmKernels.Step(lstm, new float[2], state.AsSpan(0, 4), p, h, scratch));
        Assert.Contains("StateSize", e.Message);
        Assert.Throws<ArgumentException>(() => LstmKernels.Step(lstm, new float[2], state, p, state.AsSpan(0, 4), scratch));
        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8], state);
        e = Assert.Throws<ArgumentException>(() => LstmKernels.Forward(lstm, new float[6], p, new float[lstm.CacheSize], new float[4], returnSequences: true));
        Assert.Contains("Steps * Units", e.Message);
        e = Assert.Throws<ArgumentException>(() => LstmKernels.Backward(lstm, new float[6], p, new float[lstm.CacheSize], new float[4], false, new float[p.Length], new float[5], new float[lstm.BackwardScratchSize]));
        Assert.Equal("dx", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GruGeometry(0, 1, 1, true));
        Assert.Throws<ArgumentException>(() => new LstmGeometry(1, 1, 40_000));
    }

    private static float[] Run(Streamer stream, float[] x, float[] p, float[]? state = null)
    {
        state ??= new float[stream.StateSize];
        int u = stream.Case.Units, n = stream.Case.Inputs;
        float[] outputs = new float[stream.Case.Steps * u], h = new float[u];
        for (int t = 0; t < stream.Case.Steps; t++)
        {
            stream.Step(x.AsSpan(t * n, n), state, p, h);
            h.CopyTo(outputs, t * u);
        }
        return outputs;
    }

    /// <summary>One kind's Step and Reset over its own scratch, for the tests above.</summary>
    internal sealed class Streamer
    {
        private readonly float[] scratch;

        private Streamer(RecurrentCase c, int stateSize, int scratchSize)
        {
            Case = c;
            StateSize = stateSize;
            scratch = new float[scratchSize];
        }

        public RecurrentCase Case { get; }

        public int StateSize { get; }

        public static Streamer Create(string kind, int steps, int inputs, int units)
        {
            RecurrentCase c = kind switch
            {
                "SimpleRnn" => new(RecurrentKind.SimpleRnn, steps, inputs, units),
                "Lstm" => new(RecurrentKind.Lstm, steps, inputs, units),
                "GruResetAfter" => new(RecurrentKind.Gru, steps, inputs, units, ResetAfter: true),
                _ => new(RecurrentKind.Gru, steps, inputs, units, ResetAfter: false),
            };
            return c.Kind switch
            {
                RecurrentKind.Lstm => new(c, c.Lstm.StateSize, c.Lstm.StepScratchSize),
                RecurrentKind.Gru => new(c, c.Gru.StateSize, c.Gru.StepScratchSize),
                _ => new(c, c.Rnn.StateSize, c.Rnn.StepScratchSize),
            };
        }

        public void Step(ReadOnlySpan<float> x, Span<float> state, ReadOnlySpan<float> p, Span<float> h)
        {
            switch (Case.Kind)
            {
                case RecurrentKind.Lstm: LstmKernels.Step(Case.Lstm, x, state, p, h, scratch); break;
                case RecurrentKind.Gru: GruKernels.Step(Case.Gru, x, state, p, h, scratch); break;
                default: SimpleRnnKernels.Step(Case.Rnn, x, state, p, h, scratch); break;
            }
        }

        public void Reset(Span<float> state)
        {
            switch (Case.Kind)
            {
                case RecurrentKind.Lstm: LstmKernels.Reset(Case.Lstm, state); break;
                case RecurrentKind.Gru: GruKernels.Reset(Case.Gru, state); break;
                default: SimpleRnnKernels.Reset(Case.Rnn, state); break;
            }
        }
    }
}
