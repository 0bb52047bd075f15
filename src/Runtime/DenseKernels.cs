using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralDsl;

/// <summary>
/// Dense-layer kernels over weights stored input-major, <c>W[inputs, units]</c> (Keras' kernel layout):
/// the forward pass broadcasts each input over a contiguous row of weights, so it vectorises across
/// units without horizontal sums, and a batch becomes a register-blocked matrix product.
/// </summary>
public static class DenseKernels
{
    private const int Lanes = 8; // Vector256<float>
#if NET9_0_OR_GREATER
    private const int Wide = 16; // Vector512<float>
#endif

    /// <summary><c>z = bias + x W</c> for one sample; <paramref name="bias"/> may be empty (no biases).</summary>
    public static void Forward(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> z) =>
        Forward(weights, bias, x, z, default(LinearActivation));

    /// <summary>
    /// <c>z = f(bias + x W)</c> for one sample, the activation <paramref name="activation"/> applied in
    /// registers before the store; the same values as <see cref="Forward(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>
    /// followed by the activation's span function (vector form for each block of eight units from the first, scalar for the rest).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TActivation>(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> z, TActivation activation)
        where TActivation : struct, IVectorActivation
    {
        int inputs = x.Length, units = z.Length;
        if (weights.Length != inputs * units) throw new ArgumentException("Weights must be [inputs, units].", nameof(weights));
        ref float w = ref MemoryMarshal.GetReference(weights);
        int j = 0;
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated)
        {
            // 128 units per pass: a wide layer's weights are then read in one sequential stream, which
            // the hardware prefetcher follows best (a large layer's forward pass is bound by the L2 cache).
            for (; j <= units - 8 * Wide; j += 8 * Wide)
            {
                Vector512<float> a0 = Start512(bias, j), a1 = Start512(bias, j + Wide), a2 = Start512(bias, j + 2 * Wide), a3 = Start512(bias, j + 3 * Wide);
                Vector512<float> a4 = Start512(bias, j + 4 * Wide), a5 = Start512(bias, j + 5 * Wide), a6 = Start512(bias, j + 6 * Wide), a7 = Start512(bias, j + 7 * Wide);
                for (int i = 0; i < inputs; i++)
                {
                    Vector512<float> xi = Vector512.Create(x[i]);
                    nuint row = (nuint)(i * units + j);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row), xi, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + Wide), xi, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 2 * Wide), xi, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 3 * Wide), xi, a3);
                    a4 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 4 * Wide), xi, a4);
                    a5 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 5 * Wide), xi, a5);
                    a6 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 6 * Wide), xi, a6);
                    a7 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 7 * Wide), xi, a7);
                }
                Store(activation, a0, z.Slice(j));
                Store(activation, a1, z.Slice(j + Wide));
                Store(activation, a2, z.Slice(j + 2 * Wide));
                Store(activation, a3, z.Slice(j + 3 * Wide));
                Store(activation, a4, z.Slice(j + 4 * Wide));
                Store(activation, a5, z.Slice(j + 5 * Wide));
                Store(activation, a6, z.Slice(j + 6 * Wide));
                Store(activation, a7, z.Slice(j + 7 * Wide));
            }
            for (; j <= units - 4 * Wide; j += 4 * Wide)
            {
                Vector512<float> a0 = Start512(bias, j), a1 = Start512(bias, j + Wide), a2 = Start512(bias, j + 2 * Wide), a3 = Start512(bias, j + 3 * Wide);
                for (int i = 0; i < inputs; i++)
                {
                    Vector512<float> xi = Vector512.Create(x[i]);
                    nuint row = (nuint)(i * units + j);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row), xi, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + Wide), xi, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 2 * Wide), xi, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 3 * Wide), xi, a3);
                }
                Store(activation, a0, z.Slice(j));
                Store(activation, a1, z.Slice(j + Wide));
                Store(activation, a2, z.Slice(j + 2 * Wide));
                Store(activation, a3, z.Slice(j + 3 * Wide));
            }
        }
#endif
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= units - 4 * Lanes; j += 4 * Lanes)
            {
                // Two partial sums per register (even and odd inputs) halve the chain of dependent
                // multiply-adds, which is what bounds a narrow layer.
                Vector256<float> a0 = Start(bias, j), a1 = Start(bias, j + Lanes), a2 = Start(bias, j + 2 * Lanes), a3 = Start(bias, j + 3 * Lanes);
                Vector256<float> b0 = Vector256<float>.Zero, b1 = b0, b2 = b0, b3 = b0;
                int i = 0;
                for (; i <= inputs - 2; i += 2)
                {
                    Vector256<float> xi = Vector256.Create(x[i]), xn = Vector256.Create(x[i + 1]);
                    nuint row = (nuint)(i * units + j), next = row + (nuint)units;
                    a0 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row), xi, a0);
                    a1 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row + Lanes), xi, a1);
                    a2 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 2 * Lanes), xi, a2);
                    a3 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 3 * Lanes), xi, a3);
                    b0 = MultiplyAdd(Vector256.LoadUnsafe(ref w, next), xn, b0);
                    b1 = MultiplyAdd(Vector256.LoadUnsafe(ref w, next + Lanes), xn, b1);
                    b2 = MultiplyAdd(Vector256.LoadUnsafe(ref w, next + 2 * Lanes), xn, b2);
                    b3 = MultiplyAdd(Vector256.LoadUnsafe(ref w, next + 3 * Lanes), xn, b3);
                }
                if (i < inputs)
                {
                    Vector256<float> xi = Vector256.Create(x[i]);
                    nuint row = (nuint)(i * units + j);
                    a0 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row), xi, a0);
                    a1 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row + Lanes), xi, a1);
                    a2 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 2 * Lanes), xi, a2);
                    a3 = MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 3 * Lanes), xi, a3);
                }
                a0 += b0;
                a1 += b1;
                a2 += b2;
                a3 += b3;
                activation.Apply(a0).CopyTo(z.Slice(j));
                activation.Apply(a1).CopyTo(z.Slice(j + Lanes));
                activation.Apply(a2).CopyTo(z.Slice(j + 2 * Lanes));
                activation.Apply(a3).CopyTo(z.Slice(j + 3 * Lanes));
            }
        }
        if (j < units) ForwardFrom(weights, bias, x, z, j, activation); // the remaining units: eight at a time, then scalar
    }

    /// <summary>
    /// <c>Z = bias + X W</c> for a batch (<paramref name="x"/> is [batch, inputs], <paramref name="z"/> is
    /// [batch, units]), four samples at a time so that each loaded weight serves four rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardBatch(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> z, int inputs, int units)
    {
        int batch = x.Length / inputs;
        int n = 0;
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && units >= 2 * Wide)
        {
            ForwardBatch512(weights, bias, x, z, inputs, units, batch);
            return;
        }
#endif
        if (Vector256.IsHardwareAccelerated && units >= 2 * Lanes)
        {
            ref float w = ref MemoryMarshal.GetReference(weights);
            for (; n <= batch - 4; n += 4)
            {
                ReadOnlySpan<float> x0 = x.Slice(n * inputs, inputs), x1 = x.Slice((n + 1) * inputs, inputs),
                    x2 = x.Slice((n + 2) * inputs, inputs), x3 = x.Slice((n + 3) * inputs, inputs);
                int j = 0;
                for (; j <= units - 2 * Lanes; j += 2 * Lanes)
                {
                    Vector256<float> b0 = Start(bias, j), b1 = Start(bias, j + Lanes);
                    Vector256<float> r00 = b0, r01 = b1, r10 = b0, r11 = b1, r20 = b0, r21 = b1, r30 = b0, r31 = b1;
                    for (int i = 0; i < inputs; i++)
                    {
                        nuint row = (nuint)(i * units + j);
                        Vector256<float> w0 = Vector256.LoadUnsafe(ref w, row), w1 = Vector256.LoadUnsafe(ref w, row + Lanes);
                        Vector256<float> s = Vector256.Create(x0[i]);
                        r00 = MultiplyAdd(w0, s, r00);
                        r01 = MultiplyAdd(w1, s, r01);
                        s = Vector256.Create(x1[i]);
                        r10 = MultiplyAdd(w0, s, r10);
                        r11 = MultiplyAdd(w1, s, r11);
                        s = Vector256.Create(x2[i]);
                        r20 = MultiplyAdd(w0, s, r20);
                        r21 = MultiplyAdd(w1, s, r21);
                        s = Vector256.Create(x3[i]);
                        r30 = MultiplyAdd(w0, s, r30);
                        r31 = MultiplyAdd(w1, s, r31);
                    }
                    Store(r00, r01, z.Slice(n * units + j));
                    Store(r10, r11, z.Slice((n + 1) * units + j));
                    Store(r20, r21, z.Slice((n + 2) * units + j));
                    Store(r30, r31, z.Slice((n + 3) * units + j));
                }
                if (j < units)
                {
                    for (int k = 0; k < 4; k++) ForwardFrom(weights, bias, x.Slice((n + k) * inputs, inputs), z.Slice((n + k) * units, units), j, default(LinearActivation));
                }
            }
        }
        for (; n < batch; n++) Forward(weights, bias, x.Slice(n * inputs, inputs), z.Slice(n * units, units));
    }

#if NET9_0_OR_GREATER
    // The 4-row blocked product with 512-bit vectors: 32 units by 4 samples in eight registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardBatch512(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> z, int inputs, int units, int batch)
    {
        ref float w = ref MemoryMarshal.GetReference(weights);
        int n = 0;
        for (; n <= batch - 4; n += 4)
        {
            ReadOnlySpan<float> x0 = x.Slice(n * inputs, inputs), x1 = x.Slice((n + 1) * inputs, inputs),
                x2 = x.Slice((n + 2) * inputs, inputs), x3 = x.Slice((n + 3) * inputs, inputs);
            int j = 0;
            for (; j <= units - 2 * Wide; j += 2 * Wide)
            {
                Vector512<float> b0 = Start512(bias, j), b1 = Start512(bias, j + Wide);
                Vector512<float> r00 = b0, r01 = b1, r10 = b0, r11 = b1, r20 = b0, r21 = b1, r30 = b0, r31 = b1;
                for (int i = 0; i < inputs; i++)
                {
                    nuint row = (nuint)(i * units + j);
                    Vector512<float> w0 = Vector512.LoadUnsafe(ref w, row), w1 = Vector512.LoadUnsafe(ref w, row + Wide);
                    Vector512<float> s = Vector512.Create(x0[i]);
                    r00 = Vector512.FusedMultiplyAdd(w0, s, r00);
                    r01 = Vector512.FusedMultiplyAdd(w1, s, r01);
                    s = Vector512.Create(x1[i]);
                    r10 = Vector512.FusedMultiplyAdd(w0, s, r10);
                    r11 = Vector512.FusedMultiplyAdd(w1, s, r11);
                    s = Vector512.Create(x2[i]);
                    r20 = Vector512.FusedMultiplyAdd(w0, s, r20);
                    r21 = Vector512.FusedMultiplyAdd(w1, s, r21);
                    s = Vector512.Create(x3[i]);
                    r30 = Vector512.FusedMultiplyAdd(w0, s, r30);
                    r31 = Vector512.FusedMultiplyAdd(w1, s, r31);
                }
                r00.CopyTo(z.Slice(n * units + j)); r01.CopyTo(z.Slice(n * units + j + Wide));
                r10.CopyTo(z.Slice((n + 1) * units + j)); r11.CopyTo(z.Slice((n + 1) * units + j + Wide));
                r20.CopyTo(z.Slice((n + 2) * units + j)); r21.CopyTo(z.Slice((n + 2) * units + j + Wide));
                r30.CopyTo(z.Slice((n + 3) * units + j)); r31.CopyTo(z.Slice((n + 3) * units + j + Wide));
            }
            // Remaining units: the single-sample kernel from column j (vector blocks, then scalar).
            if (j < units)
                for (int k = 0; k < 4; k++) ForwardFrom(weights, bias, x.Slice((n + k) * inputs, inputs), z.Slice((n + k) * units, units), j, default(LinearActivation));
        }
        for (; n < batch; n++) Forward(weights, bias, x.Slice(n * inputs, inputs), z.Slice(n * units, units));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Start512(ReadOnlySpan<float> bias, int j) =>
        bias.IsEmpty ? Vector512<float>.Zero : Vector512.Create(bias.Slice(j, Wide));
#endif

    // Units from `from` on, eight at a time where possible, then scalar.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardFrom<TActivation>(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> z, int from, TActivation activation)
        where TActivation : struct, IVectorActivation
    {
        int units = z.Length, j = from;
        ref float w = ref MemoryMarshal.GetReference(weights);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= units - Lanes; j += Lanes)
            {
                Vector256<float> a = Start(bias, j);
                for (int i = 0; i < x.Length; i++)
                    a = MultiplyAdd(Vector256.LoadUnsafe(ref w, (nuint)(i * units + j)), Vector256.Create(x[i]), a);
                activation.Apply(a).CopyTo(z.Slice(j));
            }
        }
        ForwardColumns(weights, bias, x, z, j, activation);
    }

    /// <summary>Adds <c>x^T d</c> to the weight gradient (<c>gW[i, :] += x[i] d</c>) and <c>d</c> to the bias gradient (if not empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateGradients(ReadOnlySpan<float> x, ReadOnlySpan<float> d, Span<float> weightGradient, Span<float> biasGradient)
    {
        int units = d.Length;
        if (weightGradient.Length != x.Length * units) throw new ArgumentException("The weight gradient must be [inputs, units].", nameof(weightGradient));
        ref float g = ref MemoryMarshal.GetReference(weightGradient);
        ref float dd = ref MemoryMarshal.GetReference(d);
        for (int i = 0; i < x.Length; i++)
        {
            float xi = x[i];
            if (xi == 0f) continue; // ReLU zeros: nothing to add
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<float> broadcast = Vector256.Create(xi);
                for (; j <= units - Lanes; j += Lanes)
                {
                    nuint k = (nuint)(i * units + j);
                    MultiplyAdd(Vector256.LoadUnsafe(ref dd, (nuint)j), broadcast, Vector256.LoadUnsafe(ref g, k)).StoreUnsafe(ref g, k);
                }
            }
            for (; j < units; j++) weightGradient[i * units + j] += xi * d[j];
        }
        if (!biasGradient.IsEmpty) Kernels.Axpy(1f, d, biasGradient);
    }

    /// <summary>
    /// Adds <c>X^T D</c> over a batch to the weight gradient and the column sums of <c>D</c> to the bias
    /// gradient (if not empty); <paramref name="x"/> is [batch, inputs], <paramref name="d"/> is [batch, units].
    /// Four samples share each pass over a row of the weight gradient, so it is loaded and stored a
    /// quarter as often as with one sample at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateGradientsBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> d, Span<float> weightGradient, Span<float> biasGradient, int inputs, int units)
    {
        int batch = x.Length / inputs;
        if (weightGradient.Length != inputs * units) throw new ArgumentException("The weight gradient must be [inputs, units].", nameof(weightGradient));
        int n = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float g = ref MemoryMarshal.GetReference(weightGradient);
            ref float dd = ref MemoryMarshal.GetReference(d);
            for (; n <= batch - 4; n += 4)
            {
                nuint d0 = (nuint)(n * units), d1 = d0 + (nuint)units, d2 = d1 + (nuint)units, d3 = d2 + (nuint)units;
                for (int i = 0; i < inputs; i++)
                {
                    float x0 = x[n * inputs + i], x1 = x[(n + 1) * inputs + i], x2 = x[(n + 2) * inputs + i], x3 = x[(n + 3) * inputs + i];
                    if (x0 == 0f && x1 == 0f && x2 == 0f && x3 == 0f) continue; // ReLU zeros
                    Vector256<float> s0 = Vector256.Create(x0), s1 = Vector256.Create(x1), s2 = Vector256.Create(x2), s3 = Vector256.Create(x3);
                    int j = 0;
                    for (; j <= units - Lanes; j += Lanes)
                    {
                        nuint k = (nuint)(i * units + j), c = (nuint)j;
                        Vector256<float> sum = Vector256.LoadUnsafe(ref g, k);
                        sum = MultiplyAdd(Vector256.LoadUnsafe(ref dd, d0 + c), s0, sum);
                        sum = MultiplyAdd(Vector256.LoadUnsafe(ref dd, d1 + c), s1, sum);
                        sum = MultiplyAdd(Vector256.LoadUnsafe(ref dd, d2 + c), s2, sum);
                        sum = MultiplyAdd(Vector256.LoadUnsafe(ref dd, d3 + c), s3, sum);
                        sum.StoreUnsafe(ref g, k);
                    }
                    for (; j < units; j++)
                        weightGradient[i * units + j] += x0 * d[n * units + j] + x1 * d[(n + 1) * units + j] + x2 * d[(n + 2) * units + j] + x3 * d[(n + 3) * units + j];
                }
            }
        }
        for (; n < batch; n++) AccumulateGradients(x.Slice(n * inputs, inputs), d.Slice(n * units, units), weightGradient, default);
        if (biasGradient.IsEmpty) return;
        for (int row = 0; row < batch; row++) Kernels.Axpy(1f, d.Slice(row * units, units), biasGradient);
    }

    /// <summary>The gradient with respect to the input: <c>dx[i] = W[i, :] . d</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputGradient(ReadOnlySpan<float> weights, ReadOnlySpan<float> d, Span<float> dx)
    {
        int units = d.Length;
        if (weights.Length != dx.Length * units) throw new ArgumentException("Weights must be [inputs, units].", nameof(weights));
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float dd = ref MemoryMarshal.GetReference(d);
        for (int i = 0; i < dx.Length; i++)
        {
            int j = 0;
            float sum = 0f;
            if (Vector256.IsHardwareAccelerated && units >= Lanes)
            {
                Vector256<float> even = Vector256<float>.Zero, odd = Vector256<float>.Zero;
                for (; j <= units - 2 * Lanes; j += 2 * Lanes)
                {
                    nuint k = (nuint)(i * units + j);
                    even = MultiplyAdd(Vector256.LoadUnsafe(ref w, k), Vector256.LoadUnsafe(ref dd, (nuint)j), even);
                    odd = MultiplyAdd(Vector256.LoadUnsafe(ref w, k + Lanes), Vector256.LoadUnsafe(ref dd, (nuint)(j + Lanes)), odd);
                }
                if (j <= units - Lanes)
                {
                    even = MultiplyAdd(Vector256.LoadUnsafe(ref w, (nuint)(i * units + j)), Vector256.LoadUnsafe(ref dd, (nuint)j), even);
                    j += Lanes;
                }
                sum = Vector256.Sum(even + odd);
            }
            for (; j < units; j++) sum += weights[i * units + j] * d[j];
            dx[i] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardColumns<TActivation>(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> x, Span<float> z, int from, TActivation activation)
        where TActivation : struct, IVectorActivation
    {
        int units = z.Length;
        for (int j = from; j < units; j++)
        {
            float sum = bias.IsEmpty ? 0f : bias[j];
            for (int i = 0; i < x.Length; i++) sum += x[i] * weights[i * units + j];
            z[j] = activation.Apply(sum);
        }
    }

#if NET9_0_OR_GREATER
    // Sixteen units: the activation in two halves of eight, so that lanes match the span activation's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TActivation>(TActivation activation, Vector512<float> sum, Span<float> destination)
        where TActivation : struct, IVectorActivation
    {
        activation.Apply(sum.GetLower()).CopyTo(destination);
        activation.Apply(sum.GetUpper()).CopyTo(destination.Slice(Lanes));
    }
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Start(ReadOnlySpan<float> bias, int j) =>
        bias.IsEmpty ? Vector256<float>.Zero : Vector256.Create(bias.Slice(j, Lanes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> low, Vector256<float> high, Span<float> destination)
    {
        low.CopyTo(destination);
        high.CopyTo(destination.Slice(Lanes));
    }

    /// <summary><c>a * b + c</c>, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
    {
#if NET9_0_OR_GREATER
        // Without FMA hardware Vector256.FusedMultiplyAdd is emulated lane by lane (measured on the
        // 128-bit path: about 70 times slower), so such CPUs multiply and add.
        return Fma.IsSupported ? Vector256.FusedMultiplyAdd(a, b, c) : a * b + c;
#else
        return Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : a * b + c;
#endif
    }
}
