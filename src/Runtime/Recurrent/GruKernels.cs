using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Recurrent;

/// <summary>
/// GRU kernels (Keras' <c>GRU</c> with its defaults: tanh activation, sigmoid recurrent activation,
/// zero initial state; <c>reset_after</c> either way, see <see cref="GruGeometry.ResetAfter"/>): a
/// per-step call for streaming inference, and a forward pass over a whole sequence with its backward
/// pass (backpropagation through time) for training. Per step, with <c>x K</c> one product for the
/// three gates: <c>z = sigmoid(.)</c>, <c>r = sigmoid(.)</c>, a candidate <c>h~ = tanh(.)</c>, and
/// <c>h = z h_prev + (1 - z) h~</c>.
/// </summary>
public static class GruKernels
{
    /// <summary>
    /// Advances one stream by one time step: reads the input <paramref name="x"/> (<c>Inputs</c>) and the
    /// stream's <paramref name="state"/> (<see cref="GruGeometry.StateSize"/>), updates the state and
    /// writes the new hidden state to <paramref name="h"/> (<c>Units</c>). The state lives in the caller's
    /// span, so one set of parameters serves any number of streams; a zero state (see <see cref="Reset"/>)
    /// starts a sequence. Allocates nothing. The values are exactly those of <see cref="Forward"/> at the same step.
    /// </summary>
    public static void Step(GruGeometry geometry, ReadOnlySpan<float> x, Span<float> state, ReadOnlySpan<float> parameters, Span<float> h, Span<float> scratch)
    {
        // One branch on the hot path; the named checks run only to say what is wrong.
        if (x.Length != geometry.Inputs || state.Length != geometry.StateSize || parameters.Length != geometry.ParameterCount
            || h.Length != geometry.Units || scratch.Length != geometry.StepScratchSize || state.Overlaps(h))
            RecurrentSizes.StepArgumentError(geometry, x.Length, state, parameters.Length, h, scratch, scratchApartFromState: false);
        int units = geometry.Units;
        Cell(geometry, x, state, parameters, scratch.Slice(0, 3 * units), scratch.Slice(3 * units, geometry.GatedSize), state);
        state.CopyTo(h);
    }

    /// <summary>Clears a stream's state (<see cref="GruGeometry.StateSize"/> floats): the next step starts a new sequence.</summary>
    public static void Reset(GruGeometry geometry, Span<float> state) => RecurrentSizes.Reset(geometry, state);

    /// <summary>
    /// Runs the layer over one sample <paramref name="x"/> (<c>[Steps, Inputs]</c>) from a zero state,
    /// keeping in <paramref name="cache"/> (<see cref="GruGeometry.CacheSize"/>) what
    /// <see cref="Backward"/> needs, and writes every step's hidden state (<c>[Steps, Units]</c>) when
    /// <paramref name="returnSequences"/>, else the last one (<c>Units</c>), to <paramref name="output"/>.
    /// </summary>
    public static void Forward(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, Span<float> output, bool returnSequences)
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
    /// <see cref="GruGeometry.BackwardScratchSize"/> floats.
    /// </summary>
    public static void Backward(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, bool returnSequences, Span<float> gradients, Span<float> dx, Span<float> scratch)
    {
        RecurrentSizes.Backward(geometry, 1, x.Length, parameters.Length, cache.Length, outputGradient.Length, returnSequences, gradients.Length, dx.Length, scratch.Length);
        BackwardCore(geometry, x, parameters, cache, outputGradient, geometry.Units, returnSequences, gradients, dx, addDx: false, reverse: false, scratch);
    }

    /// <summary>Fills the cache step by step, in reverse time order when <paramref name="reverse"/> (Bidirectional's backward layer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardCore(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, bool reverse)
    {
        int units = geometry.Units, per = geometry.CachePerStep, steps = geometry.Steps, inputs = geometry.Inputs;
        for (int k = 0; k < steps; k++)
        {
            int t = reverse ? steps - 1 - k : k;
            Span<float> here = cache.Slice(t * per, per);
            ReadOnlySpan<float> hPrev = k > 0 ? cache.Slice((reverse ? t + 1 : t - 1) * per + geometry.HiddenOffset, units) : default;
            Cell(geometry, x.Slice(t * inputs, inputs), hPrev, parameters, here.Slice(0, 3 * units), here.Slice(3 * units, geometry.GatedSize), here.Slice(geometry.HiddenOffset, units));
        }
    }

    /// <summary>
    /// One step: <paramref name="gates"/> gets z, r and the candidate, <paramref name="gated"/> what the
    /// reset gate multiplies (<c>h_prev R + b_r</c> for all three gates with reset_after, of which the
    /// candidate's part is gated; else <c>r * h_prev</c>), and <paramref name="h"/> the hidden state, which
    /// may be <paramref name="hPrev"/> (written after its last read). An empty <paramref name="hPrev"/> is a zero state.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Cell(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> hPrev, ReadOnlySpan<float> parameters,
        Span<float> gates, Span<float> gated, Span<float> h)
    {
        int units = geometry.Units, width = 3 * units, recurrentAt = geometry.KernelSize;
        ReadOnlySpan<float> kernel = parameters.Slice(0, recurrentAt), recurrent = parameters.Slice(recurrentAt, geometry.RecurrentKernelSize);
        ReadOnlySpan<float> bias = parameters.Slice(recurrentAt + geometry.RecurrentKernelSize, geometry.BiasSize);
        Span<float> updateReset = gates.Slice(0, 2 * units), candidate = gates.Slice(2 * units, units);
        bool resetAfter = geometry.ResetAfter;
        if (resetAfter)
        {
            // The input's product and the state's, each over all three gates' columns in one pass.
            RecurrentMath.Product(bias.Slice(0, width), x, kernel, default, default, width, 0, gates);
            RecurrentMath.Product(bias.Slice(width, width), default, default, hPrev, recurrent, width, 0, gated);
            Blend(units, updateReset, candidate, gated, hPrev, h);
            return;
        }
        // z and r from the input and the state in one pass; the candidate's input part.
        RecurrentMath.Product(bias.Slice(0, 2 * units), x, kernel, hPrev, recurrent, width, 0, updateReset);
        RecurrentMath.Product(bias.Slice(2 * units, units), x, kernel, default, default, width, 2 * units, candidate);
        GateActivations.Sigmoid(updateReset);
        if (hPrev.IsEmpty) gated.Clear();
        else
        {
            Span<float> reset = updateReset.Slice(units, units);
            for (int j = 0; j < units; j++) gated[j] = reset[j] * hPrev[j];
            RecurrentMath.Product(candidate, default, default, gated, recurrent, width, 2 * units, candidate);
        }
        Blend(units, updateReset, candidate, default, hPrev, h);
    }

    /// <summary>
    /// <c>h = z h_prev + (1 - z) tanh(candidate + r * gated_h)</c>, storing the activated gates. With
    /// <paramref name="gated"/> (reset_after: the recurrent product of all three gates) z and r are the
    /// input's part of their pre-activations; without it they are activated already and the candidate
    /// holds its whole pre-activation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Blend(int units, Span<float> updateReset, Span<float> candidate, ReadOnlySpan<float> gated, ReadOnlySpan<float> hPrev, Span<float> h)
    {
        bool resetAfter = !gated.IsEmpty, fresh = hPrev.IsEmpty;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // The spans' lengths are the geometry's (checked by the public entry points): no bounds checks here.
            ref float zr = ref MemoryMarshal.GetReference(updateReset);
            ref float cr = ref MemoryMarshal.GetReference(candidate);
            ref float gr = ref MemoryMarshal.GetReference(gated);
            ref float pr = ref MemoryMarshal.GetReference(hPrev);
            ref float hr = ref MemoryMarshal.GetReference(h);
            nuint u = (nuint)units;
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j <= units - 16; j += 16)
                {
                    nuint k = (nuint)j;
                    Vector512<float> z = Vector512.LoadUnsafe(ref zr, k), pre = Vector512.LoadUnsafe(ref cr, k);
                    if (resetAfter)
                    {
                        z = GateActivations.Sigmoid(z + Vector512.LoadUnsafe(ref gr, k));
                        Vector512<float> r = GateActivations.Sigmoid(Vector512.LoadUnsafe(ref zr, k + u) + Vector512.LoadUnsafe(ref gr, k + u));
                        z.StoreUnsafe(ref zr, k);
                        r.StoreUnsafe(ref zr, k + u);
                        pre = Vector512.FusedMultiplyAdd(r, Vector512.LoadUnsafe(ref gr, k + 2 * u), pre);
                    }
                    Vector512<float> c = GateActivations.Tanh(pre);
                    c.StoreUnsafe(ref cr, k);
                    Vector512<float> kept = fresh ? Vector512<float>.Zero : z * Vector512.LoadUnsafe(ref pr, k);
                    Vector512.FusedMultiplyAdd(Vector512<float>.One - z, c, kept).StoreUnsafe(ref hr, k);
                }
            }
#endif
            for (; j <= units - 8; j += 8)
            {
                nuint k = (nuint)j;
                Vector256<float> z = Vector256.LoadUnsafe(ref zr, k), pre = Vector256.LoadUnsafe(ref cr, k);
                if (resetAfter)
                {
                    z = GateActivations.Sigmoid(z + Vector256.LoadUnsafe(ref gr, k));
                    Vector256<float> r = GateActivations.Sigmoid(Vector256.LoadUnsafe(ref zr, k + u) + Vector256.LoadUnsafe(ref gr, k + u));
                    z.StoreUnsafe(ref zr, k);
                    r.StoreUnsafe(ref zr, k + u);
                    pre = DenseKernels.MultiplyAdd(r, Vector256.LoadUnsafe(ref gr, k + 2 * u), pre);
                }
                Vector256<float> c = Activations.Tanh(pre);
                c.StoreUnsafe(ref cr, k);
                Vector256<float> kept = fresh ? Vector256<float>.Zero : z * Vector256.LoadUnsafe(ref pr, k);
                DenseKernels.MultiplyAdd(Vector256<float>.One - z, c, kept).StoreUnsafe(ref hr, k);
            }
        }
        for (; j < units; j++)
        {
            float z = updateReset[j], pre = candidate[j];
            if (resetAfter)
            {
                z = Activations.Sigmoid(z + gated[j]);
                float r = Activations.Sigmoid(updateReset[units + j] + gated[units + j]);
                updateReset[j] = z;
                updateReset[units + j] = r;
                pre = MathF.FusedMultiplyAdd(r, gated[2 * units + j], pre);
            }
            float c = MathF.Tanh(pre);
            candidate[j] = c;
            h[j] = MathF.FusedMultiplyAdd(1f - z, c, fresh ? 0f : z * hPrev[j]);
        }
    }

    /// <summary>
    /// Back through the steps in the reverse of the order <see cref="ForwardCore"/> took. Step t's output
    /// gradient is at <c>outputGradient[t * stride]</c> for whole sequences, or the first
    /// <c>Units</c> floats for the final state only. <paramref name="addDx"/> adds to dx instead of
    /// overwriting it (the second direction of a Bidirectional layer).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void BackwardCore(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, int stride, bool returnSequences, Span<float> gradients, Span<float> dx, bool addDx, bool reverse, Span<float> scratch)
    {
        int units = geometry.Units, width = 3 * units, per = geometry.CachePerStep, steps = geometry.Steps, inputs = geometry.Inputs;
        bool resetAfter = geometry.ResetAfter;
        int recurrentAt = geometry.KernelSize, biasAt = recurrentAt + geometry.RecurrentKernelSize;
        ReadOnlySpan<float> kernel = parameters.Slice(0, recurrentAt), recurrent = parameters.Slice(recurrentAt, geometry.RecurrentKernelSize);
        Span<float> kernelGradient = gradients.Slice(0, recurrentAt), recurrentGradient = gradients.Slice(recurrentAt, geometry.RecurrentKernelSize);
        Span<float> biasGradient = gradients.Slice(biasAt, geometry.BiasSize);
        // dInput: the gradient at the gates' pre-activations from the input side (also the input bias's);
        // dRecurrent: from the recurrent side, which differs in the candidate's columns.
        Span<float> dh = scratch.Slice(0, units), dInput = scratch.Slice(units, width), dRecurrent = scratch.Slice(4 * units, width);
        Span<float> dPrevious = scratch.Slice(7 * units, units);
        dh.Clear();
        for (int k = steps - 1; k >= 0; k--)
        {
            int t = reverse ? steps - 1 - k : k;
            if (returnSequences) RecurrentMath.Add(outputGradient.Slice(t * stride, units), dh);
            else if (k == steps - 1) RecurrentMath.Add(outputGradient.Slice(0, units), dh);
            // The gated term: the candidate's recurrent part with reset_after, r * h_prev without.
            ReadOnlySpan<float> here = cache.Slice(t * per, per), gated = here.Slice(resetAfter ? 5 * units : 3 * units, units);
            ReadOnlySpan<float> hPrev = k > 0 ? cache.Slice((reverse ? t + 1 : t - 1) * per + geometry.HiddenOffset, units) : default;
            for (int j = 0; j < units; j++)
            {
                float z = here[j], candidate = here[2 * units + j], previous = hPrev.IsEmpty ? 0f : hPrev[j];
                dInput[j] = dh[j] * (previous - candidate) * z * (1f - z);
                dInput[2 * units + j] = dh[j] * (1f - z) * (1f - candidate * candidate);
                dPrevious[j] = dh[j] * z;
            }
            Span<float> dCandidate = dInput.Slice(2 * units, units);
            if (resetAfter)
            {
                for (int j = 0; j < units; j++)
                {
                    float r = here[units + j];
                    dInput[units + j] = dCandidate[j] * gated[j] * r * (1f - r);
                    dRecurrent[2 * units + j] = dCandidate[j] * r;
                }
                dInput.Slice(0, 2 * units).CopyTo(dRecurrent);
                if (!hPrev.IsEmpty) RecurrentMath.AddOuter(hPrev, dRecurrent, recurrentGradient, width, 0);
                RecurrentMath.Add(dRecurrent, biasGradient.Slice(width, width));
                if (k > 0) RecurrentMath.ProductTransposed(recurrent, width, 0, dRecurrent, dPrevious, add: true);
            }
            else
            {
                // The candidate's recurrent term is (r * h_prev) R_h: its gradient reaches r and h_prev.
                Span<float> dGated = dRecurrent.Slice(0, units);
                if (hPrev.IsEmpty) dInput.Slice(units, units).Clear();
                else
                {
                    RecurrentMath.ProductTransposed(recurrent, width, 2 * units, dCandidate, dGated, add: false);
                    for (int j = 0; j < units; j++)
                    {
                        float r = here[units + j];
                        dInput[units + j] = dGated[j] * hPrev[j] * r * (1f - r);
                        dPrevious[j] += dGated[j] * r;
                    }
                    RecurrentMath.AddOuter(hPrev, dInput.Slice(0, 2 * units), recurrentGradient, width, 0);
                    RecurrentMath.AddOuter(gated, dCandidate, recurrentGradient, width, 2 * units);
                    RecurrentMath.ProductTransposed(recurrent, width, 0, dInput.Slice(0, 2 * units), dPrevious, add: true);
                }
            }
            RecurrentMath.AddOuter(x.Slice(t * inputs, inputs), dInput, kernelGradient, width, 0);
            RecurrentMath.Add(dInput, biasGradient.Slice(0, width));
            if (!dx.IsEmpty) RecurrentMath.ProductTransposed(kernel, width, 0, dInput, dx.Slice(t * inputs, inputs), addDx);
            dPrevious.CopyTo(dh);
        }
    }
}
