using System;
using System.Runtime.CompilerServices;

namespace NeuralDsl.Recurrent;

/// <summary>
/// SimpleRNN kernels (Keras' <c>SimpleRNN</c> with its defaults: tanh activation, zero initial state):
/// <c>h = tanh(b + x K + h_prev R)</c>. A per-step call for streaming inference, and a forward pass over
/// a whole sequence with its backward pass (backpropagation through time) for training.
/// </summary>
public static class SimpleRnnKernels
{
    /// <summary>
    /// Advances one stream by one time step: reads the input <paramref name="x"/> (<c>Inputs</c>) and the
    /// stream's <paramref name="state"/> (<see cref="SimpleRnnGeometry.StateSize"/>), updates the state and
    /// writes the new hidden state to <paramref name="h"/> (<c>Units</c>). The state lives in the caller's
    /// span, so one set of parameters serves any number of streams; a zero state (see <see cref="Reset"/>)
    /// starts a sequence. Allocates nothing. The values are exactly those of <see cref="Forward"/> at the same step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, Span<float> state, ReadOnlySpan<float> parameters, Span<float> h, Span<float> scratch)
    {
        // One branch on the hot path; the named checks run only to say what is wrong.
        if (x.Length != geometry.Inputs || state.Length != geometry.StateSize || parameters.Length != geometry.ParameterCount
            || h.Length != geometry.Units || scratch.Length != geometry.StepScratchSize || state.Overlaps(h) || state.Overlaps(scratch))
            RecurrentSizes.StepArgumentError(geometry, x.Length, state, parameters.Length, h, scratch, scratchApartFromState: true);
        // The product reads the whole previous state, so the new one is formed aside first.
        Cell(geometry, x, state, parameters, scratch);
        scratch.CopyTo(state);
        scratch.CopyTo(h);
    }

    /// <summary>Clears a stream's state (<see cref="SimpleRnnGeometry.StateSize"/> floats): the next step starts a new sequence.</summary>
    public static void Reset(SimpleRnnGeometry geometry, Span<float> state) => RecurrentSizes.Reset(geometry, state);

    /// <summary>
    /// Runs the layer over one sample <paramref name="x"/> (<c>[Steps, Inputs]</c>) from a zero state,
    /// keeping in <paramref name="cache"/> (<see cref="SimpleRnnGeometry.CacheSize"/>) what
    /// <see cref="Backward"/> needs, and writes every step's hidden state (<c>[Steps, Units]</c>) when
    /// <paramref name="returnSequences"/>, else the last one (<c>Units</c>), to <paramref name="output"/>.
    /// </summary>
    public static void Forward(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, Span<float> output, bool returnSequences)
    {
        RecurrentSizes.Forward(geometry, 1, x.Length, parameters.Length, cache.Length, output.Length, returnSequences);
        ForwardCore(geometry, x, parameters, cache, reverse: false);
        RecurrentMath.CopyOutputs(cache, geometry.Steps, geometry.Units, geometry.CachePerStep, geometry.HiddenOffset, false, output, geometry.Units, 0, returnSequences);
    }

    /// <summary>
    /// Backpropagation through time for the sample <see cref="Forward"/> last ran with this
    /// <paramref name="cache"/>: given the loss gradient with respect to the output
    /// (<paramref name="outputGradient"/>, shaped like that output), ADDS the gradient with respect to
    /// the parameters to <paramref name="gradients"/> (so a batch accumulates) and OVERWRITES
    /// <paramref name="dx"/> (<c>[Steps, Inputs]</c>) with the gradient with respect to the input;
    /// an empty <paramref name="dx"/> skips it (a first layer). <paramref name="scratch"/> holds
    /// <see cref="SimpleRnnGeometry.BackwardScratchSize"/> floats.
    /// </summary>
    public static void Backward(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, bool returnSequences, Span<float> gradients, Span<float> dx, Span<float> scratch)
    {
        RecurrentSizes.Backward(geometry, 1, x.Length, parameters.Length, cache.Length, outputGradient.Length, returnSequences, gradients.Length, dx.Length, scratch.Length);
        BackwardCore(geometry, x, parameters, cache, outputGradient, geometry.Units, returnSequences, gradients, dx, addDx: false, reverse: false, scratch);
    }

    /// <summary>Fills the cache step by step, in reverse time order when <paramref name="reverse"/> (Bidirectional's backward layer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardCore(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, bool reverse)
    {
        int units = geometry.Units, steps = geometry.Steps, inputs = geometry.Inputs;
        for (int k = 0; k < steps; k++)
        {
            int t = reverse ? steps - 1 - k : k;
            ReadOnlySpan<float> hPrev = k > 0 ? cache.Slice((reverse ? t + 1 : t - 1) * units, units) : default;
            Cell(geometry, x.Slice(t * inputs, inputs), hPrev, parameters, cache.Slice(t * units, units));
        }
    }

    /// <summary>One step into <paramref name="h"/>, which must not overlap <paramref name="hPrev"/>; an empty <paramref name="hPrev"/> is a zero state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Cell(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> hPrev, ReadOnlySpan<float> parameters, Span<float> h)
    {
        int units = geometry.Units;
        int recurrentAt = geometry.KernelSize;
        RecurrentMath.Product(parameters.Slice(recurrentAt + geometry.RecurrentKernelSize, units),
            x, parameters.Slice(0, recurrentAt), hPrev, parameters.Slice(recurrentAt, geometry.RecurrentKernelSize), units, 0, h);
        Activations.Tanh(h, h);
    }

    /// <summary>
    /// Back through the steps in the reverse of the order <see cref="ForwardCore"/> took. Step t's output
    /// gradient is at <c>outputGradient[t * stride]</c> for whole sequences, or the first
    /// <c>Units</c> floats for the final state only. <paramref name="addDx"/> adds to dx instead of
    /// overwriting it (the second direction of a Bidirectional layer).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void BackwardCore(SimpleRnnGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, int stride, bool returnSequences, Span<float> gradients, Span<float> dx, bool addDx, bool reverse, Span<float> scratch)
    {
        int units = geometry.Units, steps = geometry.Steps, inputs = geometry.Inputs;
        int recurrentAt = geometry.KernelSize, biasAt = recurrentAt + geometry.RecurrentKernelSize;
        ReadOnlySpan<float> kernel = parameters.Slice(0, recurrentAt), recurrent = parameters.Slice(recurrentAt, geometry.RecurrentKernelSize);
        Span<float> kernelGradient = gradients.Slice(0, recurrentAt), recurrentGradient = gradients.Slice(recurrentAt, geometry.RecurrentKernelSize);
        Span<float> biasGradient = gradients.Slice(biasAt, units);
        Span<float> dh = scratch.Slice(0, units), dz = scratch.Slice(units, units);
        dh.Clear();
        for (int k = steps - 1; k >= 0; k--)
        {
            int t = reverse ? steps - 1 - k : k;
            if (returnSequences) RecurrentMath.Add(outputGradient.Slice(t * stride, units), dh);
            else if (k == steps - 1) RecurrentMath.Add(outputGradient.Slice(0, units), dh);
            ReadOnlySpan<float> h = cache.Slice(t * units, units);
            for (int j = 0; j < units; j++) dz[j] = dh[j] * (1f - h[j] * h[j]);
            RecurrentMath.AddOuter(x.Slice(t * inputs, inputs), dz, kernelGradient, units, 0);
            if (k > 0) RecurrentMath.AddOuter(cache.Slice((reverse ? t + 1 : t - 1) * units, units), dz, recurrentGradient, units, 0);
            RecurrentMath.Add(dz, biasGradient);
            if (!dx.IsEmpty) RecurrentMath.ProductTransposed(kernel, units, 0, dz, dx.Slice(t * inputs, inputs), addDx);
            if (k > 0) RecurrentMath.ProductTransposed(recurrent, units, 0, dz, dh, add: false);
        }
    }
}
