using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Recurrent;

/// <summary>
/// LSTM kernels (Keras' <c>LSTM</c> with its defaults: tanh activation, sigmoid recurrent activation,
/// zero initial state): a per-step call for streaming inference, and a forward pass over a whole
/// sequence with its backward pass (backpropagation through time) for training. Per step,
/// <c>z = b + x K + h R</c> is one product with the kernel and one with the recurrent kernel for all
/// four gates; then <c>c = f c + i g</c> and <c>h = o tanh(c)</c>. Shapes are in <see cref="LstmGeometry"/>.
/// </summary>
public static class LstmKernels
{
    /// <summary>
    /// Advances one stream by one time step: reads the input <paramref name="x"/> (<c>Inputs</c>) and the
    /// stream's <paramref name="state"/> (<see cref="LstmGeometry.StateSize"/>: h then c), updates the
    /// state and writes the new hidden state to <paramref name="h"/> (<c>Units</c>). The state lives in
    /// the caller's span, so one set of parameters serves any number of streams; a zero state (see
    /// <see cref="Reset"/>) starts a sequence, as Keras does. Allocates nothing. The values are exactly
    /// those of <see cref="Forward"/> at the same step.
    /// </summary>
    public static void Step(LstmGeometry geometry, ReadOnlySpan<float> x, Span<float> state, ReadOnlySpan<float> parameters, Span<float> h, Span<float> scratch)
    {
        // One branch on the hot path; the named checks run only to say what is wrong.
        if (x.Length != geometry.Inputs || state.Length != geometry.StateSize || parameters.Length != geometry.ParameterCount
            || h.Length != geometry.Units || scratch.Length != geometry.StepScratchSize || state.Overlaps(h))
            RecurrentSizes.StepArgumentError(geometry, x.Length, state, parameters.Length, h, scratch, scratchApartFromState: false);
        int units = geometry.Units;
        Span<float> hidden = state.Slice(0, units), cell = state.Slice(units, units);
        // The candidate's slot of the gates takes tanh(c) once c is formed: four units of scratch per unit.
        Cell(geometry, x, hidden, cell, parameters, scratch, cell, scratch.Slice(2 * units, units), hidden);
        hidden.CopyTo(h);
    }

    /// <summary>Clears a stream's state (<see cref="LstmGeometry.StateSize"/> floats): the next step starts a new sequence.</summary>
    public static void Reset(LstmGeometry geometry, Span<float> state) => RecurrentSizes.Reset(geometry, state);

    /// <summary>
    /// Runs the layer over one sample <paramref name="x"/> (<c>[Steps, Inputs]</c>) from a zero state,
    /// keeping in <paramref name="cache"/> (<see cref="LstmGeometry.CacheSize"/>) what
    /// <see cref="Backward"/> needs, and writes every step's hidden state (<c>[Steps, Units]</c>) when
    /// <paramref name="returnSequences"/>, else the last one (<c>Units</c>), to <paramref name="output"/>.
    /// </summary>
    public static void Forward(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, Span<float> output, bool returnSequences)
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
    /// <see cref="LstmGeometry.BackwardScratchSize"/> floats.
    /// </summary>
    public static void Backward(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, bool returnSequences, Span<float> gradients, Span<float> dx, Span<float> scratch)
    {
        RecurrentSizes.Backward(geometry, 1, x.Length, parameters.Length, cache.Length, outputGradient.Length, returnSequences, gradients.Length, dx.Length, scratch.Length);
        BackwardCore(geometry, x, parameters, cache, outputGradient, geometry.Units, returnSequences, gradients, dx, addDx: false, reverse: false, scratch);
    }

    /// <summary>Fills the cache step by step, in reverse time order when <paramref name="reverse"/> (Bidirectional's backward layer).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardCore(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, Span<float> cache, bool reverse)
    {
        int units = geometry.Units, per = geometry.CachePerStep, steps = geometry.Steps, inputs = geometry.Inputs;
        for (int k = 0; k < steps; k++)
        {
            int t = reverse ? steps - 1 - k : k;
            Span<float> here = cache.Slice(t * per, per);
            ReadOnlySpan<float> hPrev = default, cPrev = default;
            if (k > 0)
            {
                int p = (reverse ? t + 1 : t - 1) * per;
                cPrev = cache.Slice(p + 4 * units, units);
                hPrev = cache.Slice(p + 6 * units, units);
            }
            Cell(geometry, x.Slice(t * inputs, inputs), hPrev, cPrev, parameters,
                here.Slice(0, 4 * units), here.Slice(4 * units, units), here.Slice(5 * units, units), here.Slice(6 * units, units));
        }
    }

    /// <summary>
    /// One step: <paramref name="gates"/> gets the activated gates (i, f, g, o), <paramref name="c"/> the
    /// cell state, <paramref name="tanhC"/> its tanh, <paramref name="h"/> the hidden state. Empty
    /// <paramref name="hPrev"/> and <paramref name="cPrev"/> are a zero state. <paramref name="c"/> may be
    /// <paramref name="cPrev"/>, <paramref name="h"/> may be <paramref name="hPrev"/> and
    /// <paramref name="tanhC"/> may be the candidate gate's slot: each is written after its last read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Cell(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> hPrev, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> parameters,
        Span<float> gates, Span<float> c, Span<float> tanhC, Span<float> h)
    {
        int units = geometry.Units, width = 4 * units, recurrentAt = geometry.KernelSize;
        // The kernel's rows and the recurrent kernel's follow each other with the same stride: one product of [x, h_prev].
        RecurrentMath.Product(parameters.Slice(recurrentAt + geometry.RecurrentKernelSize, width),
            x, parameters.Slice(0, recurrentAt), hPrev, parameters.Slice(recurrentAt, geometry.RecurrentKernelSize), width, 0, gates);
        bool fresh = cPrev.IsEmpty;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // The spans' lengths are the geometry's (checked by the public entry points): no bounds checks here.
            ref float gr = ref MemoryMarshal.GetReference(gates);
            ref float cp = ref MemoryMarshal.GetReference(cPrev);
            ref float cr = ref MemoryMarshal.GetReference(c);
            ref float tr = ref MemoryMarshal.GetReference(tanhC);
            ref float hr = ref MemoryMarshal.GetReference(h);
            nuint u = (nuint)units;
#if NET9_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j <= units - 16; j += 16)
                {
                    nuint k = (nuint)j;
                    Vector512<float> i = GateActivations.Sigmoid(Vector512.LoadUnsafe(ref gr, k)), f = GateActivations.Sigmoid(Vector512.LoadUnsafe(ref gr, k + u));
                    Vector512<float> g = GateActivations.Tanh(Vector512.LoadUnsafe(ref gr, k + 2 * u)), o = GateActivations.Sigmoid(Vector512.LoadUnsafe(ref gr, k + 3 * u));
                    Vector512<float> cell = fresh ? i * g : Vector512.FusedMultiplyAdd(f, Vector512.LoadUnsafe(ref cp, k), i * g);
                    i.StoreUnsafe(ref gr, k);
                    f.StoreUnsafe(ref gr, k + u);
                    g.StoreUnsafe(ref gr, k + 2 * u);
                    o.StoreUnsafe(ref gr, k + 3 * u);
                    cell.StoreUnsafe(ref cr, k);
                    Vector512<float> t = GateActivations.Tanh(cell);
                    t.StoreUnsafe(ref tr, k);
                    (o * t).StoreUnsafe(ref hr, k);
                }
            }
#endif
            for (; j <= units - 8; j += 8)
            {
                nuint k = (nuint)j;
                Vector256<float> i = GateActivations.Sigmoid(Vector256.LoadUnsafe(ref gr, k)), f = GateActivations.Sigmoid(Vector256.LoadUnsafe(ref gr, k + u));
                Vector256<float> g = Activations.Tanh(Vector256.LoadUnsafe(ref gr, k + 2 * u)), o = GateActivations.Sigmoid(Vector256.LoadUnsafe(ref gr, k + 3 * u));
                Vector256<float> cell = fresh ? i * g : DenseKernels.MultiplyAdd(f, Vector256.LoadUnsafe(ref cp, k), i * g);
                i.StoreUnsafe(ref gr, k);
                f.StoreUnsafe(ref gr, k + u);
                g.StoreUnsafe(ref gr, k + 2 * u);
                o.StoreUnsafe(ref gr, k + 3 * u);
                cell.StoreUnsafe(ref cr, k);
                Vector256<float> t = Activations.Tanh(cell);
                t.StoreUnsafe(ref tr, k);
                (o * t).StoreUnsafe(ref hr, k);
            }
        }
        for (; j < units; j++)
        {
            float i = Activations.Sigmoid(gates[j]), f = Activations.Sigmoid(gates[units + j]);
            float g = MathF.Tanh(gates[2 * units + j]), o = Activations.Sigmoid(gates[3 * units + j]);
            float cell = fresh ? i * g : MathF.FusedMultiplyAdd(f, cPrev[j], i * g);
            gates[j] = i;
            gates[units + j] = f;
            gates[2 * units + j] = g;
            gates[3 * units + j] = o;
            c[j] = cell;
            float t = MathF.Tanh(cell);
            tanhC[j] = t;
            h[j] = o * t;
        }
    }

    /// <summary>
    /// Back through the steps in the reverse of the order <see cref="ForwardCore"/> took. Step t's output
    /// gradient is at <c>outputGradient[t * stride]</c> for whole sequences, or the first
    /// <c>Units</c> floats for the final state only. <paramref name="addDx"/> adds to dx instead of
    /// overwriting it (the second direction of a Bidirectional layer).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void BackwardCore(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> parameters, ReadOnlySpan<float> cache,
        ReadOnlySpan<float> outputGradient, int stride, bool returnSequences, Span<float> gradients, Span<float> dx, bool addDx, bool reverse, Span<float> scratch)
    {
        int units = geometry.Units, width = 4 * units, per = geometry.CachePerStep, steps = geometry.Steps, inputs = geometry.Inputs;
        ReadOnlySpan<float> kernel = parameters.Slice(0, geometry.KernelSize), recurrent = parameters.Slice(geometry.KernelSize, geometry.RecurrentKernelSize);
        Span<float> kernelGradient = gradients.Slice(0, geometry.KernelSize);
        Span<float> recurrentGradient = gradients.Slice(geometry.KernelSize, geometry.RecurrentKernelSize);
        Span<float> biasGradient = gradients.Slice(geometry.KernelSize + geometry.RecurrentKernelSize, width);
        Span<float> dh = scratch.Slice(0, units), dc = scratch.Slice(units, units), dz = scratch.Slice(2 * units, width);
        dh.Clear();
        dc.Clear();
        for (int k = steps - 1; k >= 0; k--)
        {
            int t = reverse ? steps - 1 - k : k;
            if (returnSequences) RecurrentMath.Add(outputGradient.Slice(t * stride, units), dh);
            else if (k == steps - 1) RecurrentMath.Add(outputGradient.Slice(0, units), dh);
            ReadOnlySpan<float> here = cache.Slice(t * per, per);
            ReadOnlySpan<float> hPrev = default, cPrev = default;
            if (k > 0)
            {
                int p = (reverse ? t + 1 : t - 1) * per;
                cPrev = cache.Slice(p + 4 * units, units);
                hPrev = cache.Slice(p + 6 * units, units);
            }
            ReadOnlySpan<float> tanhC = here.Slice(5 * units, units);
            for (int j = 0; j < units; j++)
            {
                float i = here[j], f = here[units + j], g = here[2 * units + j], o = here[3 * units + j], tc = tanhC[j];
                float cell = dc[j] + dh[j] * o * (1f - tc * tc);
                dz[j] = cell * g * i * (1f - i);
                dz[units + j] = cPrev.IsEmpty ? 0f : cell * cPrev[j] * f * (1f - f);
                dz[2 * units + j] = cell * i * (1f - g * g);
                dz[3 * units + j] = dh[j] * tc * o * (1f - o);
                dc[j] = cell * f;
            }
            ReadOnlySpan<float> xt = x.Slice(t * inputs, inputs);
            RecurrentMath.AddOuter(xt, dz, kernelGradient, width, 0);
            if (!hPrev.IsEmpty) RecurrentMath.AddOuter(hPrev, dz, recurrentGradient, width, 0);
            RecurrentMath.Add(dz, biasGradient);
            if (!dx.IsEmpty) RecurrentMath.ProductTransposed(kernel, width, 0, dz, dx.Slice(t * inputs, inputs), addDx);
            if (k > 0) RecurrentMath.ProductTransposed(recurrent, width, 0, dz, dh, add: false);
        }
    }
}
