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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Step(LstmGeometry geometry, ReadOnlySpan<float> x, Span<float> state, ReadOnlySpan<float> parameters, Span<float> h, Span<float> scratch)
    {
        // One branch on the hot path; the named checks run only to say what is wrong.
        if (x.Length != geometry.Inputs || state.Length != geometry.StateSize || parameters.Length != geometry.ParameterCount
            || h.Length != geometry.Units || scratch.Length != geometry.StepScratchSize || state.Overlaps(h))
            RecurrentSizes.StepArgumentError(geometry, x.Length, state, parameters.Length, h, scratch, scratchApartFromState: false);
        int units = geometry.Units;
        Span<float> hidden = state.Slice(0, units), cell = state.Slice(units, units);
        // Every block reads the whole previous hidden state: the new one goes to h first.
        Cell<Streaming>(geometry, x, hidden, cell, parameters, default, cell, default, h);
        RecurrentMath.CopyState(h, hidden);
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
            Cell<Caching>(geometry, x.Slice(t * inputs, inputs), hPrev, cPrev, parameters,
                here.Slice(0, 4 * units), here.Slice(4 * units, units), here.Slice(5 * units, units), here.Slice(6 * units, units));
        }
    }

    /// <summary>
    /// One step, sixteen (or eight) units at a time: each block's four gate sums are formed in registers
    /// from the bias, the input and the previous state, activated, and turned into the block's cell state
    /// <paramref name="c"/> and hidden state <paramref name="h"/>; nothing goes through memory in between.
    /// For a backward pass <paramref name="gates"/> gets the activated gates (i, f, g, o) and
    /// <paramref name="tanhC"/> the cell state's tanh; a streaming step passes both empty. Empty
    /// <paramref name="hPrev"/> and <paramref name="cPrev"/> are a zero state. <paramref name="c"/> may be
    /// <paramref name="cPrev"/> (a block is read before it is written); <paramref name="h"/> must not
    /// overlap <paramref name="hPrev"/>, which every block reads whole.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Cell<TMode>(LstmGeometry geometry, ReadOnlySpan<float> x, ReadOnlySpan<float> hPrev, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> parameters,
        Span<float> gates, Span<float> c, Span<float> tanhC, Span<float> h) where TMode : struct, ICellMode
    {
        int units = geometry.Units, inputs = geometry.Inputs, recurrentRows = hPrev.Length;
        bool keep = typeof(TMode) == typeof(Caching), fresh = keep && cPrev.IsEmpty;
        // The spans' lengths are the geometry's (checked by the public entry points): no bounds checks here.
        ref float w = ref MemoryMarshal.GetReference(parameters);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float hp = ref MemoryMarshal.GetReference(hPrev);
        ref float cp = ref MemoryMarshal.GetReference(cPrev);
        ref float cr = ref MemoryMarshal.GetReference(c);
        ref float hr = ref MemoryMarshal.GetReference(h);
        ref float gr = ref MemoryMarshal.GetReference(gates);
        ref float tr = ref MemoryMarshal.GetReference(tanhC);
        // Parameters: kernel [inputs, 4u], recurrent kernel [u, 4u] right after it (the same stride, so
        // the recurrent rows continue the kernel's), bias [4u]; gate g of unit j is column g u + j.
        nuint u = (nuint)units, stride = 4 * u, recurrent = (nuint)inputs * stride, bias = (nuint)(inputs + units) * stride;
        // The bias is read after the sums, not first: see GruKernels.CellResetAfter (a load right after the
        // previous step's stores, at a state's address modulo 4 KiB, stalls).
        int j = 0;
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= units - 16; j += 16)
            {
                nuint k = (nuint)j;
                Vector512<float> i = Vector512<float>.Zero, f = i, g = i, o = i, i2 = i, f2 = i, g2 = i, o2 = i;
                GateSums.Add(ref xr, inputs, ref w, 0, stride, k, u + k, 2 * u + k, 3 * u + k, ref i, ref f, ref g, ref o, ref i2, ref f2, ref g2, ref o2);
                GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, k, u + k, 2 * u + k, 3 * u + k, ref i, ref f, ref g, ref o, ref i2, ref f2, ref g2, ref o2);
                i = GateActivations.Sigmoid((i + i2) + Vector512.LoadUnsafe(ref w, bias + k));
                f = GateActivations.Sigmoid((f + f2) + Vector512.LoadUnsafe(ref w, bias + u + k));
                g = GateActivations.Tanh((g + g2) + Vector512.LoadUnsafe(ref w, bias + 2 * u + k));
                o = GateActivations.Sigmoid((o + o2) + Vector512.LoadUnsafe(ref w, bias + 3 * u + k));
                Vector512<float> cell = fresh ? i * g : Vector512.FusedMultiplyAdd(f, Vector512.LoadUnsafe(ref cp, k), i * g);
                Vector512<float> t = GateActivations.Tanh(cell);
                cell.StoreUnsafe(ref cr, k);
                (o * t).StoreUnsafe(ref hr, k);
                if (keep)
                {
                    i.StoreUnsafe(ref gr, k);
                    f.StoreUnsafe(ref gr, k + u);
                    g.StoreUnsafe(ref gr, k + 2 * u);
                    o.StoreUnsafe(ref gr, k + 3 * u);
                    t.StoreUnsafe(ref tr, k);
                }
            }
        }
#endif
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= units - 8; j += 8)
            {
                nuint k = (nuint)j;
                Vector256<float> i = Vector256<float>.Zero, f = i, g = i, o = i, i2 = i, f2 = i, g2 = i, o2 = i;
                GateSums.Add(ref xr, inputs, ref w, 0, stride, k, u + k, 2 * u + k, 3 * u + k, ref i, ref f, ref g, ref o, ref i2, ref f2, ref g2, ref o2);
                GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, k, u + k, 2 * u + k, 3 * u + k, ref i, ref f, ref g, ref o, ref i2, ref f2, ref g2, ref o2);
                i = GateActivations.Sigmoid((i + i2) + Vector256.LoadUnsafe(ref w, bias + k));
                f = GateActivations.Sigmoid((f + f2) + Vector256.LoadUnsafe(ref w, bias + u + k));
                g = GateActivations.Tanh((g + g2) + Vector256.LoadUnsafe(ref w, bias + 2 * u + k));
                o = GateActivations.Sigmoid((o + o2) + Vector256.LoadUnsafe(ref w, bias + 3 * u + k));
                Vector256<float> cell = fresh ? i * g : DenseKernels.MultiplyAdd(f, Vector256.LoadUnsafe(ref cp, k), i * g);
                Vector256<float> t = GateActivations.Tanh(cell);
                cell.StoreUnsafe(ref cr, k);
                (o * t).StoreUnsafe(ref hr, k);
                if (keep)
                {
                    i.StoreUnsafe(ref gr, k);
                    f.StoreUnsafe(ref gr, k + u);
                    g.StoreUnsafe(ref gr, k + 2 * u);
                    o.StoreUnsafe(ref gr, k + 3 * u);
                    t.StoreUnsafe(ref tr, k);
                }
            }
        }
        for (; j < units; j++)
        {
            nuint k = (nuint)j;
            float i = 0f, f = 0f, g = 0f, o = 0f, i2 = 0f, f2 = 0f, g2 = 0f, o2 = 0f;
            GateSums.Add(ref xr, inputs, ref w, 0, stride, k, ref i, ref i2);
            GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, k, ref i, ref i2);
            GateSums.Add(ref xr, inputs, ref w, 0, stride, u + k, ref f, ref f2);
            GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, u + k, ref f, ref f2);
            GateSums.Add(ref xr, inputs, ref w, 0, stride, 2 * u + k, ref g, ref g2);
            GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, 2 * u + k, ref g, ref g2);
            GateSums.Add(ref xr, inputs, ref w, 0, stride, 3 * u + k, ref o, ref o2);
            GateSums.Add(ref hp, recurrentRows, ref w, recurrent, stride, 3 * u + k, ref o, ref o2);
            i = Activations.Sigmoid((i + i2) + Unsafe.Add(ref w, bias + k));
            f = Activations.Sigmoid((f + f2) + Unsafe.Add(ref w, bias + u + k));
            g = MathF.Tanh((g + g2) + Unsafe.Add(ref w, bias + 2 * u + k));
            o = Activations.Sigmoid((o + o2) + Unsafe.Add(ref w, bias + 3 * u + k));
            float cell = fresh ? i * g : f * Unsafe.Add(ref cp, k) + i * g;
            float t = MathF.Tanh(cell);
            Unsafe.Add(ref cr, k) = cell;
            Unsafe.Add(ref hr, k) = o * t;
            if (keep)
            {
                Unsafe.Add(ref gr, k) = i;
                Unsafe.Add(ref gr, k + u) = f;
                Unsafe.Add(ref gr, k + 2 * u) = g;
                Unsafe.Add(ref gr, k + 3 * u) = o;
                Unsafe.Add(ref tr, k) = t;
            }
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
