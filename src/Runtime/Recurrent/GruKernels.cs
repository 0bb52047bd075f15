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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(GruGeometry geometry, ReadOnlySpan<float> x, Span<float> state, ReadOnlySpan<float> parameters, Span<float> h, Span<float> scratch)
    {
        // One branch on the hot path; the named checks run only to say what is wrong.
        if (x.Length != geometry.Inputs || state.Length != geometry.StateSize || parameters.Length != geometry.ParameterCount
            || h.Length != geometry.Units || scratch.Length != geometry.StepScratchSize || state.Overlaps(h))
            RecurrentSizes.StepArgumentError(geometry, x.Length, state, parameters.Length, h, scratch, scratchApartFromState: false);
        int units = geometry.Units;
        // With reset_after nothing is kept for a backward pass; without it the gates pass through the scratch.
        // Every block of reset_after reads the whole previous state: the new one goes to h first.
        if (geometry.ResetAfter) Cell<Streaming>(geometry, x, state, parameters, default, default, h);
        else Cell<Streaming>(geometry, x, state, parameters, scratch.Slice(0, 3 * units), scratch.Slice(3 * units, units), h);
        RecurrentMath.CopyState(h, state);
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
            Cell<Caching>(geometry, x.Slice(t * inputs, inputs), hPrev, parameters, here.Slice(0, 3 * units), here.Slice(geometry.GatedOffset, units), here.Slice(geometry.HiddenOffset, units));
        }
    }

    /// <summary>
    /// One step: <paramref name="gates"/> gets z, r and the candidate, <paramref name="gated"/> what the
    /// reset gate multiplies (the candidate's recurrent part <c>h_prev R_h + b_rh</c> with reset_after,
    /// else <c>r * h_prev</c>), and <paramref name="h"/> the hidden state. With
    /// reset_after (Keras' default) a streaming step passes <paramref name="gates"/> and
    /// <paramref name="gated"/> empty: nothing is kept for a backward pass. An empty
    /// <paramref name="hPrev"/> is a zero state. <paramref name="h"/> must not overlap <paramref name="hPrev"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Cell<TMode>(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> hPrev, ReadOnlySpan<float> parameters,
        Span<float> gates, Span<float> gated, Span<float> h) where TMode : struct, ICellMode
    {
        if (geometry.ResetAfter)
        {
            CellResetAfter<TMode>(geometry, x, hPrev, parameters, gates, gated, h);
            return;
        }
        int units = geometry.Units, width = 3 * units, recurrentAt = geometry.KernelSize;
        ReadOnlySpan<float> kernel = parameters.Slice(0, recurrentAt), recurrent = parameters.Slice(recurrentAt, geometry.RecurrentKernelSize);
        ReadOnlySpan<float> bias = parameters.Slice(recurrentAt + geometry.RecurrentKernelSize, geometry.BiasSize);
        Span<float> updateReset = gates.Slice(0, 2 * units), candidate = gates.Slice(2 * units, units);
        // The candidate's recurrent term multiplies r * h_prev, so every unit's r comes first: z and r from
        // the input and the state in one pass, then the candidate's input part, then its gated part.
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
        Blend(units, updateReset, candidate, hPrev, h);
    }

    /// <summary>
    /// <see cref="Cell"/> with reset_after, sixteen (or eight) units at a time: each block's sums (z and r
    /// over the input and the state together; the candidate's input part and recurrent part apart, as r
    /// gates only the latter) are formed in registers, then activated and blended into the block's h.
    /// Inlined into its callers: called, its spans went through the stack right before the parameters'
    /// loads, and a streaming GRU(8 -> 32) step took 165-184 ns instead of 152-158 in 2 to 9 of 64
    /// placements of the thread's stack (same low address bits); inlined, 145-162 ns nearly everywhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CellResetAfter<TMode>(GruGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> hPrev, ReadOnlySpan<float> parameters,
        Span<float> gates, Span<float> gated, Span<float> h) where TMode : struct, ICellMode
    {
        int units = geometry.Units, inputs = geometry.Inputs, recurrentRows = hPrev.Length;
        bool keep = typeof(TMode) == typeof(Caching), fresh = keep && hPrev.IsEmpty;
        // The spans' lengths are the geometry's (checked by the public entry points): no bounds checks here.
        ref float w = ref MemoryMarshal.GetReference(parameters);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float hp = ref MemoryMarshal.GetReference(hPrev);
        ref float hr = ref MemoryMarshal.GetReference(h);
        ref float gr = ref MemoryMarshal.GetReference(gates);
        ref float sr = ref MemoryMarshal.GetReference(gated);
        // Parameters: kernel [inputs, 3u], recurrent kernel [u, 3u] right after it, then the input bias
        // [3u] and the recurrent bias [3u]; gate g (z, r, candidate) of unit j is column g u + j.
        nuint u = (nuint)units, stride = 3 * u, recurrent = (nuint)inputs * stride;
        nuint inputBias = (nuint)(inputs + units) * stride, recurrentBias = inputBias + stride;
        // The biases are read after the sums: read first, right after the previous step's stores, they
        // stalled the step whenever the stream's state sat at their address modulo 4 KiB (a 64-byte step in
        // eight of 64 placements of the state: 133 -> 170 ns for GRU(8 -> 32)), a false dependency of loads
        // on earlier stores that the hardware detects by the low address bits.
        int j = 0;
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= units - 16; j += 16)
            {
                nuint k = (nuint)j;
                Vector512<float> z = Vector512<float>.Zero, r = z, xc = z, hc = z;
                Vector512<float> z2 = Vector512<float>.Zero, r2 = z2, xc2 = z2, hc2 = z2;
                GateSums.Add(ref xr, inputs, ref w, 0, stride, k, u + k, 2 * u + k, ref z, ref r, ref xc, ref z2, ref r2, ref xc2);
                GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, k, u + k, 2 * u + k, ref z, ref r, ref hc, ref z2, ref r2, ref hc2);
                z = GateActivations.Sigmoid((z + z2) + (Vector512.LoadUnsafe(ref w, inputBias + k) + Vector512.LoadUnsafe(ref w, recurrentBias + k)));
                r = GateActivations.Sigmoid((r + r2) + (Vector512.LoadUnsafe(ref w, inputBias + u + k) + Vector512.LoadUnsafe(ref w, recurrentBias + u + k)));
                hc = (hc + hc2) + Vector512.LoadUnsafe(ref w, recurrentBias + 2 * u + k);
                Vector512<float> c = GateActivations.Tanh(Vector512.FusedMultiplyAdd(r, hc, (xc + xc2) + Vector512.LoadUnsafe(ref w, inputBias + 2 * u + k)));
                Vector512<float> kept = fresh ? Vector512<float>.Zero : z * Vector512.LoadUnsafe(ref hp, k);
                Vector512.FusedMultiplyAdd(Vector512<float>.One - z, c, kept).StoreUnsafe(ref hr, k);
                if (keep)
                {
                    z.StoreUnsafe(ref gr, k);
                    r.StoreUnsafe(ref gr, k + u);
                    c.StoreUnsafe(ref gr, k + 2 * u);
                    hc.StoreUnsafe(ref sr, k);
                }
            }
        }
#endif
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= units - 8; j += 8)
            {
                nuint k = (nuint)j;
                Vector256<float> z = Vector256<float>.Zero, r = z, xc = z, hc = z;
                Vector256<float> z2 = Vector256<float>.Zero, r2 = z2, xc2 = z2, hc2 = z2;
                GateSums.Add(ref xr, inputs, ref w, 0, stride, k, u + k, 2 * u + k, ref z, ref r, ref xc, ref z2, ref r2, ref xc2);
                GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, k, u + k, 2 * u + k, ref z, ref r, ref hc, ref z2, ref r2, ref hc2);
                z = GateActivations.Sigmoid((z + z2) + (Vector256.LoadUnsafe(ref w, inputBias + k) + Vector256.LoadUnsafe(ref w, recurrentBias + k)));
                r = GateActivations.Sigmoid((r + r2) + (Vector256.LoadUnsafe(ref w, inputBias + u + k) + Vector256.LoadUnsafe(ref w, recurrentBias + u + k)));
                hc = (hc + hc2) + Vector256.LoadUnsafe(ref w, recurrentBias + 2 * u + k);
                Vector256<float> c = GateActivations.Tanh(DenseKernels.MultiplyAdd(r, hc, (xc + xc2) + Vector256.LoadUnsafe(ref w, inputBias + 2 * u + k)));
                Vector256<float> kept = fresh ? Vector256<float>.Zero : z * Vector256.LoadUnsafe(ref hp, k);
                DenseKernels.MultiplyAdd(Vector256<float>.One - z, c, kept).StoreUnsafe(ref hr, k);
                if (keep)
                {
                    z.StoreUnsafe(ref gr, k);
                    r.StoreUnsafe(ref gr, k + u);
                    c.StoreUnsafe(ref gr, k + 2 * u);
                    hc.StoreUnsafe(ref sr, k);
                }
            }
        }
        for (; j < units; j++)
        {
            nuint k = (nuint)j;
            float z = 0f, r = 0f, xc = 0f, hc = 0f, z2 = 0f, r2 = 0f, xc2 = 0f, hc2 = 0f;
            GateSums.Add(ref xr, inputs, ref w, 0, stride, k, ref z, ref z2);
            GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, k, ref z, ref z2);
            GateSums.Add(ref xr, inputs, ref w, 0, stride, u + k, ref r, ref r2);
            GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, u + k, ref r, ref r2);
            GateSums.Add(ref xr, inputs, ref w, 0, stride, 2 * u + k, ref xc, ref xc2);
            GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, 2 * u + k, ref hc, ref hc2);
            z = Activations.Sigmoid((z + z2) + (Unsafe.Add(ref w, inputBias + k) + Unsafe.Add(ref w, recurrentBias + k)));
            r = Activations.Sigmoid((r + r2) + (Unsafe.Add(ref w, inputBias + u + k) + Unsafe.Add(ref w, recurrentBias + u + k)));
            hc = (hc + hc2) + Unsafe.Add(ref w, recurrentBias + 2 * u + k);
            float c = MathF.Tanh(r * hc + ((xc + xc2) + Unsafe.Add(ref w, inputBias + 2 * u + k)));
            Unsafe.Add(ref hr, k) = (1f - z) * c + (fresh ? 0f : z * Unsafe.Add(ref hp, k));
            if (keep)
            {
                Unsafe.Add(ref gr, k) = z;
                Unsafe.Add(ref gr, k + u) = r;
                Unsafe.Add(ref gr, k + 2 * u) = c;
                Unsafe.Add(ref sr, k) = hc;
            }
        }
    }

    /// <summary>
    /// <c>h = z h_prev + (1 - z) tanh(candidate)</c> without reset_after: z and r are activated already and
    /// the candidate holds its whole pre-activation; stores the candidate's activation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Blend(int units, ReadOnlySpan<float> updateReset, Span<float> candidate, ReadOnlySpan<float> hPrev, Span<float> h)
    {
        bool fresh = hPrev.IsEmpty;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float zr = ref MemoryMarshal.GetReference(updateReset);
            ref float cr = ref MemoryMarshal.GetReference(candidate);
            ref float pr = ref MemoryMarshal.GetReference(hPrev);
            ref float hr = ref MemoryMarshal.GetReference(h);
            for (; j <= units - 8; j += 8)
            {
                nuint k = (nuint)j;
                Vector256<float> z = Vector256.LoadUnsafe(ref zr, k);
                Vector256<float> c = GateActivations.Tanh(Vector256.LoadUnsafe(ref cr, k));
                c.StoreUnsafe(ref cr, k);
                Vector256<float> kept = fresh ? Vector256<float>.Zero : z * Vector256.LoadUnsafe(ref pr, k);
                DenseKernels.MultiplyAdd(Vector256<float>.One - z, c, kept).StoreUnsafe(ref hr, k);
            }
        }
        for (; j < units; j++)
        {
            float z = updateReset[j], c = MathF.Tanh(candidate[j]);
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
            ReadOnlySpan<float> here = cache.Slice(t * per, per), gated = here.Slice(geometry.GatedOffset, units);
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
