using System;

namespace NeuralDsl.Recurrent;

/// <summary>
/// Keras' <c>Bidirectional</c> wrapper with <c>merge_mode='concat'</c> over a SimpleRNN, LSTM or GRU
/// layer, for training. The geometry is one direction's; every span holds the forward layer's part
/// then the backward layer's: parameters and gradients <c>2 * ParameterCount</c> (Keras'
/// <c>get_weights()</c> order), cache <c>2 * CacheSize</c>. The backward layer reads the sequence from
/// its last step to its first; its outputs are put back at their input time positions, so output row
/// t is <c>[forward h_t, backward h_t]</c> (<c>[Steps, 2 Units]</c>), and the last output is
/// <c>[forward h at the last step, backward h at the first step]</c> (<c>2 Units</c>): each
/// direction's final state. Streaming inference has no bidirectional form (the backward direction
/// needs the future); over a whole sequence, run each direction's <c>Step</c>, one in reverse order.
/// </summary>
public static class BidirectionalKernels
{
    /// <summary>
    /// Runs both directions over one sample <paramref name="x"/> (<c>[Steps, Inputs]</c>), filling
    /// <paramref name="cache"/>, and writes the concatenated outputs (<c>[Steps, 2 Units]</c>, or
    /// <c>2 Units</c> without <paramref name="returnSequences"/>) to <paramref name="output"/>.
    /// </summary>
    public static void Forward(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, Span<float> output, bool returnSequences)
    {
        int p = geometry.ParameterCount, c = geometry.CacheSize;
        RecurrentSizes.Forward(geometry, 2, x.Length, parameters.Length, cache.Length, output.Length, returnSequences);
        LstmKernels.ForwardCore(geometry, x, parameters.Slice(0, p), cache.Slice(0, c), reverse: false);
        LstmKernels.ForwardCore(geometry, x, parameters.Slice(p, p), cache.Slice(c, c), reverse: true);
        Concatenate(cache, c, geometry.Steps, geometry.Units, geometry.CachePerStep, geometry.HiddenOffset, output, returnSequences);
    }

    /// <summary>
    /// Backpropagation through time for both directions of the sample <see cref="Forward(LstmGeometry, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, bool)"/>
    /// last ran with <paramref name="cache"/>: ADDS to <paramref name="gradients"/>, OVERWRITES
    /// <paramref name="dx"/> with the sum of both directions' input gradients (empty: skipped).
    /// <paramref name="scratch"/> is one direction's <see cref="LstmGeometry.BackwardScratchSize"/>.
    /// </summary>
    public static void Backward(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, bool returnSequences, Span<float> gradients, Span<float> dx, Span<float> scratch)
    {
        int p = geometry.ParameterCount, c = geometry.CacheSize, u = geometry.Units;
        RecurrentSizes.Backward(geometry, 2, x.Length, parameters.Length, cache.Length, outputGradient.Length, returnSequences, gradients.Length, dx.Length, scratch.Length);
        LstmKernels.BackwardCore(geometry, x, parameters.Slice(0, p), cache.Slice(0, c), outputGradient, 2 * u, returnSequences,
            gradients.Slice(0, p), dx, addDx: false, reverse: false, scratch);
        LstmKernels.BackwardCore(geometry, x, parameters.Slice(p, p), cache.Slice(c, c), outputGradient.Slice(u), 2 * u, returnSequences,
            gradients.Slice(p, p), dx, addDx: true, reverse: true, scratch);
    }

    /// <inheritdoc cref="Forward(LstmGeometry, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, bool)"/>
    public static void Forward(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, Span<float> output, bool returnSequences)
    {
        int p = geometry.ParameterCount, c = geometry.CacheSize;
        RecurrentSizes.Forward(geometry, 2, x.Length, parameters.Length, cache.Length, output.Length, returnSequences);
        GruKernels.ForwardCore(geometry, x, parameters.Slice(0, p), cache.Slice(0, c), reverse: false);
        GruKernels.ForwardCore(geometry, x, parameters.Slice(p, p), cache.Slice(c, c), reverse: true);
        Concatenate(cache, c, geometry.Steps, geometry.Units, geometry.CachePerStep, geometry.HiddenOffset, output, returnSequences);
    }

    /// <inheritdoc cref="Backward(LstmGeometry, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, bool, Span{float}, Span{float}, Span{float})"/>
    public static void Backward(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, bool returnSequences, Span<float> gradients, Span<float> dx, Span<float> scratch)
    {
        int p = geometry.ParameterCount, c = geometry.CacheSize, u = geometry.Units;
        RecurrentSizes.Backward(geometry, 2, x.Length, parameters.Length, cache.Length, outputGradient.Length, returnSequences, gradients.Length, dx.Length, scratch.Length);
        GruKernels.BackwardCore(geometry, x, parameters.Slice(0, p), cache.Slice(0, c), outputGradient, 2 * u, returnSequences,
            gradients.Slice(0, p), dx, addDx: false, reverse: false, scratch);
        GruKernels.BackwardCore(geometry, x, parameters.Slice(p, p), cache.Slice(c, c), outputGradient.Slice(u), 2 * u, returnSequences,
            gradients.Slice(p, p), dx, addDx: true, reverse: true, scratch);
    }

    /// <inheritdoc cref="Forward(LstmGeometry, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, bool)"/>
    public static void Forward(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, Span<float> output, bool returnSequences)
    {
        int p = geometry.ParameterCount, c = geometry.CacheSize;
        RecurrentSizes.Forward(geometry, 2, x.Length, parameters.Length, cache.Length, output.Length, returnSequences);
        SimpleRnnKernels.ForwardCore(geometry, x, parameters.Slice(0, p), cache.Slice(0, c), reverse: false);
        SimpleRnnKernels.ForwardCore(geometry, x, parameters.Slice(p, p), cache.Slice(c, c), reverse: true);
        Concatenate(cache, c, geometry.Steps, geometry.Units, geometry.CachePerStep, geometry.HiddenOffset, output, returnSequences);
    }

    /// <inheritdoc cref="Backward(LstmGeometry, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, bool, Span{float}, Span{float}, Span{float})"/>
    public static void Backward(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, bool returnSequences, Span<float> gradients, Span<float> dx, Span<float> scratch)
    {
        int p = geometry.ParameterCount, c = geometry.CacheSize, u = geometry.Units;
        RecurrentSizes.Backward(geometry, 2, x.Length, parameters.Length, cache.Length, outputGradient.Length, returnSequences, gradients.Length, dx.Length, scratch.Length);
        SimpleRnnKernels.BackwardCore(geometry, x, parameters.Slice(0, p), cache.Slice(0, c), outputGradient, 2 * u, returnSequences,
            gradients.Slice(0, p), dx, addDx: false, reverse: false, scratch);
        SimpleRnnKernels.BackwardCore(geometry, x, parameters.Slice(p, p), cache.Slice(c, c), outputGradient.Slice(u), 2 * u, returnSequences,
            gradients.Slice(p, p), dx, addDx: true, reverse: true, scratch);
    }

    private static void Concatenate(ReadOnlySpan<float> cache, int cacheSize, int steps, int units, int perStep, int hiddenOffset, Span<float> output, bool returnSequences)
    {
        RecurrentMath.CopyOutputs(cache.Slice(0, cacheSize), steps, units, perStep, hiddenOffset, false, output, 2 * units, 0, returnSequences);
        RecurrentMath.CopyOutputs(cache.Slice(cacheSize, cacheSize), steps, units, perStep, hiddenOffset, true, output, 2 * units, units, returnSequences);
    }
}
