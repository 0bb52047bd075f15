using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Recurrent;

/// <summary>
/// The three products every recurrent kernel is made of, over a row-major matrix <c>W[rows, stride]</c>
/// of which a block of columns starting at <c>offset</c> is used (a GRU multiplies some gates' columns
/// separately). Callers have checked every length: the loops read without bounds checks.
/// </summary>
internal static class RecurrentMath
{
    private const int Lanes = 8; // Vector256<float>

    /// <summary>
    /// <c>output[j] = bias[j] + sum_i a[i] A[i, offset + j] + sum_i b[i] B[i, offset + j]</c>
    /// for every j of <paramref name="output"/>: a layer's gate pre-activations from its bias, the input
    /// times the kernel and the state times the recurrent kernel, in one pass with the sums in registers.
    /// <paramref name="a"/> or <paramref name="b"/> may be empty (no input part; a zero state).
    /// <paramref name="bias"/> may be <paramref name="output"/>: each block is read before it is written.
    /// The bias joins the sums last (see <see cref="GruKernels"/>' fused cell: read first, right after a
    /// streaming step's stores, it stalled a SimpleRNN(1 -> 16) step from 55 to 72 ns in 3 of 64 placements
    /// of the state).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Product(ReadOnlySpan<float> bias, ReadOnlySpan<float> a, ReadOnlySpan<float> wa,
        ReadOnlySpan<float> b, ReadOnlySpan<float> wb, int stride, int offset, Span<float> output)
    {
        int cols = output.Length, rowsA = a.Length, rowsB = b.Length;
        ref float f = ref MemoryMarshal.GetReference(bias);
        ref float av = ref MemoryMarshal.GetReference(a);
        ref float bv = ref MemoryMarshal.GetReference(b);
        ref float aw = ref MemoryMarshal.GetReference(wa);
        ref float bw = ref MemoryMarshal.GetReference(wb);
        ref float o = ref MemoryMarshal.GetReference(output);
        nuint step = (nuint)stride;
        int j = 0;
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated)
        {
            // 64 units per pass in four 16-wide sums, each with an even-row and an odd-row partial: eight
            // chains of multiply-adds in flight, half as deep as one chain per sum, and half the
            // instructions of 8-wide vectors.
            for (; j <= cols - 4 * Wide; j += 4 * Wide)
            {
                nuint c = (nuint)j;
                Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
                Rows64(ref av, rowsA, ref aw, (nuint)(offset + j), step, ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
                Rows64(ref bv, rowsB, ref bw, (nuint)(offset + j), step, ref a0, ref a1, ref a2, ref a3, ref b0, ref b1, ref b2, ref b3);
                ((a0 + b0) + Vector512.LoadUnsafe(ref f, c)).StoreUnsafe(ref o, c);
                ((a1 + b1) + Vector512.LoadUnsafe(ref f, c + Wide)).StoreUnsafe(ref o, c + Wide);
                ((a2 + b2) + Vector512.LoadUnsafe(ref f, c + 2 * Wide)).StoreUnsafe(ref o, c + 2 * Wide);
                ((a3 + b3) + Vector512.LoadUnsafe(ref f, c + 3 * Wide)).StoreUnsafe(ref o, c + 3 * Wide);
            }
            // 32 units: two sums, each split four ways over the rows, so that a GRU's candidate term
            // (a 32-unit product on the critical path) is a chain a quarter as deep.
            for (; j <= cols - 2 * Wide; j += 2 * Wide)
            {
                nuint c = (nuint)j;
                Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, b0 = a0, b1 = a0, c0 = a0, c1 = a0, d0 = a0, d1 = a0;
                Rows32(ref av, rowsA, ref aw, (nuint)(offset + j), step, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
                Rows32(ref bv, rowsB, ref bw, (nuint)(offset + j), step, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
                (((a0 + b0) + (c0 + d0)) + Vector512.LoadUnsafe(ref f, c)).StoreUnsafe(ref o, c);
                (((a1 + b1) + (c1 + d1)) + Vector512.LoadUnsafe(ref f, c + Wide)).StoreUnsafe(ref o, c + Wide);
            }
        }
#endif
        if (Vector256.IsHardwareAccelerated)
        {
            // Eight independent sums in flight: enough to hide the multiply-add latency at two per cycle.
            for (; j <= cols - 8 * Lanes; j += 8 * Lanes)
            {
                nuint c = (nuint)j;
                Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
                for (int pass = 0; pass < 2; pass++)
                {
                    ref float v = ref pass == 0 ? ref av : ref bv;
                    ref float w = ref pass == 0 ? ref aw : ref bw;
                    int rows = pass == 0 ? rowsA : rowsB;
                    nuint row = (nuint)(offset + j);
                    for (int i = 0; i < rows; i++, row += step)
                    {
                        Vector256<float> x = Vector256.Create(Unsafe.Add(ref v, i));
                        a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row), x, a0);
                        a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + Lanes), x, a1);
                        a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 2 * Lanes), x, a2);
                        a3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 3 * Lanes), x, a3);
                        a4 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 4 * Lanes), x, a4);
                        a5 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 5 * Lanes), x, a5);
                        a6 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 6 * Lanes), x, a6);
                        a7 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 7 * Lanes), x, a7);
                    }
                }
                (a0 + Vector256.LoadUnsafe(ref f, c)).StoreUnsafe(ref o, c);
                (a1 + Vector256.LoadUnsafe(ref f, c + Lanes)).StoreUnsafe(ref o, c + Lanes);
                (a2 + Vector256.LoadUnsafe(ref f, c + 2 * Lanes)).StoreUnsafe(ref o, c + 2 * Lanes);
                (a3 + Vector256.LoadUnsafe(ref f, c + 3 * Lanes)).StoreUnsafe(ref o, c + 3 * Lanes);
                (a4 + Vector256.LoadUnsafe(ref f, c + 4 * Lanes)).StoreUnsafe(ref o, c + 4 * Lanes);
                (a5 + Vector256.LoadUnsafe(ref f, c + 5 * Lanes)).StoreUnsafe(ref o, c + 5 * Lanes);
                (a6 + Vector256.LoadUnsafe(ref f, c + 6 * Lanes)).StoreUnsafe(ref o, c + 6 * Lanes);
                (a7 + Vector256.LoadUnsafe(ref f, c + 7 * Lanes)).StoreUnsafe(ref o, c + 7 * Lanes);
            }
            // Narrower blocks keep eight sums in flight by splitting the rows into even and odd.
            for (; j <= cols - 4 * Lanes; j += 4 * Lanes)
            {
                nuint c = (nuint)j;
                Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
                for (int pass = 0; pass < 2; pass++)
                {
                    ref float v = ref pass == 0 ? ref av : ref bv;
                    ref float w = ref pass == 0 ? ref aw : ref bw;
                    int rows = pass == 0 ? rowsA : rowsB, i = 0;
                    nuint row = (nuint)(offset + j);
                    for (; i <= rows - 2; i += 2, row += 2 * step)
                    {
                        Vector256<float> x = Vector256.Create(Unsafe.Add(ref v, i)), y = Vector256.Create(Unsafe.Add(ref v, i + 1));
                        nuint next = row + step;
                        a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row), x, a0);
                        a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + Lanes), x, a1);
                        a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 2 * Lanes), x, a2);
                        a3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 3 * Lanes), x, a3);
                        b0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next), y, b0);
                        b1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + Lanes), y, b1);
                        b2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + 2 * Lanes), y, b2);
                        b3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + 3 * Lanes), y, b3);
                    }
                    if (i < rows)
                    {
                        Vector256<float> x = Vector256.Create(Unsafe.Add(ref v, i));
                        a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row), x, a0);
                        a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + Lanes), x, a1);
                        a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 2 * Lanes), x, a2);
                        a3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + 3 * Lanes), x, a3);
                    }
                }
                ((a0 + b0) + Vector256.LoadUnsafe(ref f, c)).StoreUnsafe(ref o, c);
                ((a1 + b1) + Vector256.LoadUnsafe(ref f, c + Lanes)).StoreUnsafe(ref o, c + Lanes);
                ((a2 + b2) + Vector256.LoadUnsafe(ref f, c + 2 * Lanes)).StoreUnsafe(ref o, c + 2 * Lanes);
                ((a3 + b3) + Vector256.LoadUnsafe(ref f, c + 3 * Lanes)).StoreUnsafe(ref o, c + 3 * Lanes);
            }
            for (; j <= cols - Lanes; j += Lanes)
            {
                nuint c = (nuint)j;
                Vector256<float> a0 = Vector256<float>.Zero, b0 = a0;
                for (int pass = 0; pass < 2; pass++)
                {
                    ref float v = ref pass == 0 ? ref av : ref bv;
                    ref float w = ref pass == 0 ? ref aw : ref bw;
                    int rows = pass == 0 ? rowsA : rowsB, i = 0;
                    nuint row = (nuint)(offset + j);
                    for (; i <= rows - 2; i += 2, row += 2 * step)
                    {
                        a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row), Vector256.Create(Unsafe.Add(ref v, i)), a0);
                        b0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + step), Vector256.Create(Unsafe.Add(ref v, i + 1)), b0);
                    }
                    if (i < rows) a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row), Vector256.Create(Unsafe.Add(ref v, i)), a0);
                }
                ((a0 + b0) + Vector256.LoadUnsafe(ref f, c)).StoreUnsafe(ref o, c);
            }
        }
        for (; j < cols; j++)
        {
            float sum = 0f;
            for (int i = 0; i < rowsA; i++) sum += Unsafe.Add(ref av, i) * Unsafe.Add(ref aw, i * stride + offset + j);
            for (int i = 0; i < rowsB; i++) sum += Unsafe.Add(ref bv, i) * Unsafe.Add(ref bw, i * stride + offset + j);
            Unsafe.Add(ref o, j) = sum + Unsafe.Add(ref f, j);
        }
    }

#if NET9_0_OR_GREATER
    private const int Wide = 16; // Vector512<float>

    // Alternate rows go to the a and b sums, halving each chain of dependent multiply-adds: in a
    // streaming step the product is on the critical path from one step's state to the next.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows64(ref float v, int rows, ref float w, nuint row, nuint step,
        ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2, ref Vector512<float> a3,
        ref Vector512<float> b0, ref Vector512<float> b1, ref Vector512<float> b2, ref Vector512<float> b3)
    {
        int i = 0;
        for (; i <= rows - 2; i += 2, row += 2 * step)
        {
            Vector512<float> x = Vector512.Create(Unsafe.Add(ref v, i)), y = Vector512.Create(Unsafe.Add(ref v, i + 1));
            nuint next = row + step;
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + Wide), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 2 * Wide), x, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 3 * Wide), x, a3);
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next), y, b0);
            b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + Wide), y, b1);
            b2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + 2 * Wide), y, b2);
            b3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + 3 * Wide), y, b3);
        }
        if (i < rows)
        {
            Vector512<float> x = Vector512.Create(Unsafe.Add(ref v, i));
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + Wide), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 2 * Wide), x, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 3 * Wide), x, a3);
        }
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows32(ref float v, int rows, ref float w, nuint row, nuint step,
        ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> b0, ref Vector512<float> b1,
        ref Vector512<float> c0, ref Vector512<float> c1, ref Vector512<float> d0, ref Vector512<float> d1)
    {
        int i = 0;
        for (; i <= rows - 4; i += 4, row += 4 * step)
        {
            nuint r1 = row + step, r2 = r1 + step, r3 = r2 + step;
            Vector512<float> x0 = Vector512.Create(Unsafe.Add(ref v, i)), x1 = Vector512.Create(Unsafe.Add(ref v, i + 1));
            Vector512<float> x2 = Vector512.Create(Unsafe.Add(ref v, i + 2)), x3 = Vector512.Create(Unsafe.Add(ref v, i + 3));
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row), x0, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + Wide), x0, a1);
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, r1), x1, b0);
            b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, r1 + Wide), x1, b1);
            c0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, r2), x2, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, r2 + Wide), x2, c1);
            d0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, r3), x3, d0);
            d1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, r3 + Wide), x3, d1);
        }
        for (; i < rows; i++, row += step)
        {
            Vector512<float> x = Vector512.Create(Unsafe.Add(ref v, i));
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + Wide), x, a1);
        }
    }
#endif

    /// <summary>
    /// <c>r[i] = sum_j W[i, offset + j] d[j]</c> for every i of <paramref name="r"/>, or added to
    /// <paramref name="r"/> when <paramref name="add"/>: the gradient through the product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ProductTransposed(ReadOnlySpan<float> w, int stride, int offset, ReadOnlySpan<float> d, Span<float> r, bool add)
    {
        int cols = d.Length;
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float dr = ref MemoryMarshal.GetReference(d);
        for (int i = 0; i < r.Length; i++)
        {
            nuint row = (nuint)(i * stride + offset);
            int j = 0;
            float sum = 0f;
            if (Vector256.IsHardwareAccelerated && cols >= Lanes)
            {
                Vector256<float> even = Vector256<float>.Zero, odd = Vector256<float>.Zero;
                for (; j <= cols - 2 * Lanes; j += 2 * Lanes)
                {
                    even = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + (nuint)j), Vector256.LoadUnsafe(ref dr, (nuint)j), even);
                    odd = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + (nuint)(j + Lanes)), Vector256.LoadUnsafe(ref dr, (nuint)(j + Lanes)), odd);
                }
                if (j <= cols - Lanes)
                {
                    even = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + (nuint)j), Vector256.LoadUnsafe(ref dr, (nuint)j), even);
                    j += Lanes;
                }
                sum = Vector256.Sum(even + odd);
            }
            for (; j < cols; j++) sum += Unsafe.Add(ref wr, row + (nuint)j) * Unsafe.Add(ref dr, j);
            r[i] = add ? r[i] + sum : sum;
        }
    }

    /// <summary><c>G[i, offset + j] += v[i] d[j]</c>: a weight gradient's share of one step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddOuter(ReadOnlySpan<float> v, ReadOnlySpan<float> d, Span<float> g, int stride, int offset)
    {
        int cols = d.Length;
        ref float gr = ref MemoryMarshal.GetReference(g);
        ref float dr = ref MemoryMarshal.GetReference(d);
        for (int i = 0; i < v.Length; i++)
        {
            float vi = v[i];
            if (vi == 0f) continue;
            nuint row = (nuint)(i * stride + offset);
            int j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                Vector256<float> s = Vector256.Create(vi);
                for (; j <= cols - Lanes; j += Lanes)
                {
                    nuint k = row + (nuint)j;
                    DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref dr, (nuint)j), s, Vector256.LoadUnsafe(ref gr, k)).StoreUnsafe(ref gr, k);
                }
            }
            for (; j < cols; j++) Unsafe.Add(ref gr, row + (nuint)j) += vi * Unsafe.Add(ref dr, j);
        }
    }

    /// <summary>
    /// Copies a step's new state into the stream's state (spans of equal length that do not overlap): a few
    /// vectors copied in place, where <see cref="Span{T}.CopyTo"/> is a call that first dispatches on the size.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyState(ReadOnlySpan<float> from, Span<float> to)
    {
        ref float f = ref MemoryMarshal.GetReference(from);
        ref float t = ref MemoryMarshal.GetReference(to);
        int n = from.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Lanes; i += Lanes) Vector256.LoadUnsafe(ref f, (nuint)i).StoreUnsafe(ref t, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref t, i) = Unsafe.Add(ref f, i);
    }

    /// <summary><c>y[j] += x[j]</c>.</summary>
    public static void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int j = 0; j < x.Length; j++) y[j] += x[j];
    }

    /// <summary>
    /// Copies each step's hidden state (at <paramref name="hiddenOffset"/> within a step's
    /// <paramref name="perStep"/> cache floats) to row t of <paramref name="output"/> (rows of
    /// <paramref name="rowSize"/>, starting at <paramref name="column"/>), or only the final state when
    /// <paramref name="output"/> is one row: the state at the last time step, or at the first for a
    /// reversed direction.
    /// </summary>
    public static void CopyOutputs(ReadOnlySpan<float> cache, int steps, int units, int perStep, int hiddenOffset, bool reverse,
        Span<float> output, int rowSize, int column, bool returnSequences)
    {
        if (returnSequences)
        {
            for (int t = 0; t < steps; t++)
                cache.Slice(t * perStep + hiddenOffset, units).CopyTo(output.Slice(t * rowSize + column, units));
        }
        else
        {
            int last = reverse ? 0 : steps - 1;
            cache.Slice(last * perStep + hiddenOffset, units).CopyTo(output.Slice(column, units));
        }
    }
}
