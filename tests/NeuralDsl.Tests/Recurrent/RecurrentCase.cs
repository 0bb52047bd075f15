using System;
using NeuralDsl.Recurrent;

namespace NeuralDsl.Tests.Recurrent;

internal enum RecurrentKind { SimpleRnn, Lstm, Gru }

/// <summary>One recurrent layer configuration, with array adapters over its kernels (one direction's or Bidirectional's).</summary>
internal sealed record RecurrentCase(RecurrentKind Kind, int Steps, int Inputs, int Units, bool ResetAfter = false, bool Bidirectional = false)
{
    private int Directions => Bidirectional ? 2 : 1;

    public LstmGeometry Lstm => new(Steps, Inputs, Units);

    public GruGeometry Gru => new(Steps, Inputs, Units, ResetAfter);

    public SimpleRnnGeometry Rnn => new(Steps, Inputs, Units);

    public int SingleParameterCount => Kind switch { RecurrentKind.Lstm => Lstm.ParameterCount, RecurrentKind.Gru => Gru.ParameterCount, _ => Rnn.ParameterCount };

    public int ParameterCount => Directions * SingleParameterCount;

    public int CacheSize => Directions * (Kind switch { RecurrentKind.Lstm => Lstm.CacheSize, RecurrentKind.Gru => Gru.CacheSize, _ => Rnn.CacheSize });

    public int BackwardScratchSize => Kind switch { RecurrentKind.Lstm => Lstm.BackwardScratchSize, RecurrentKind.Gru => Gru.BackwardScratchSize, _ => Rnn.BackwardScratchSize };

    public int InputSize => Steps * Inputs;

    public int OutputSize(bool returnSequences) => Directions * (returnSequences ? Steps * Units : Units);

    public void Forward(float[] x, float[] p, float[] cache, float[] output, bool returnSequences)
    {
        switch (Kind, Bidirectional)
        {
            case (RecurrentKind.Lstm, false): LstmKernels.Forward(Lstm, x, p, cache, output, returnSequences); break;
            case (RecurrentKind.Gru, false): GruKernels.Forward(Gru, x, p, cache, output, returnSequences); break;
            case (RecurrentKind.SimpleRnn, false): SimpleRnnKernels.Forward(Rnn, x, p, cache, output, returnSequences); break;
            case (RecurrentKind.Lstm, true): BidirectionalKernels.Forward(Lstm, x, p, cache, output, returnSequences); break;
            case (RecurrentKind.Gru, true): BidirectionalKernels.Forward(Gru, x, p, cache, output, returnSequences); break;
            default: BidirectionalKernels.Forward(Rnn, x, p, cache, output, returnSequences); break;
        }
    }

    public void Backward(float[] x, float[] p, float[] cache, float[] dy, bool returnSequences, float[] gradients, float[] dx, float[] scratch)
    {
        switch (Kind, Bidirectional)
        {
            case (RecurrentKind.Lstm, false): LstmKernels.Backward(Lstm, x, p, cache, dy, returnSequences, gradients, dx, scratch); break;
            case (RecurrentKind.Gru, false): GruKernels.Backward(Gru, x, p, cache, dy, returnSequences, gradients, dx, scratch); break;
            case (RecurrentKind.SimpleRnn, false): SimpleRnnKernels.Backward(Rnn, x, p, cache, dy, returnSequences, gradients, dx, scratch); break;
            case (RecurrentKind.Lstm, true): BidirectionalKernels.Backward(Lstm, x, p, cache, dy, returnSequences, gradients, dx, scratch); break;
            case (RecurrentKind.Gru, true): BidirectionalKernels.Backward(Gru, x, p, cache, dy, returnSequences, gradients, dx, scratch); break;
            default: BidirectionalKernels.Backward(Rnn, x, p, cache, dy, returnSequences, gradients, dx, scratch); break;
        }
    }

    public override string ToString() =>
        $"{(Bidirectional ? "Bidirectional " : "")}{Kind}({Steps} steps, {Inputs} -> {Units}{(Kind == RecurrentKind.Gru ? ResetAfter ? ", reset_after" : ", reset_before" : "")})";

    /// <summary>Normal values scaled by <paramref name="scale"/>, from a fixed seed.</summary>
    public static float[] Random(int seed, int count, float scale)
    {
        var random = new SeededRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = scale * (float)random.NextNormal();
        return values;
    }
}
