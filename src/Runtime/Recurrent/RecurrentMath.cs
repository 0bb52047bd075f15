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

    /// <summary><c>acc[j] += sum_i v[i] W[i, offset + j]</c> for every j of <paramref name="acc"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddProduct(ReadOnlySpan<float> v, ReadOnlySpan<float> w, int stride, int offset, Span<float> acc)
    {
        int rows = v.Length, cols = acc.Length;
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float vr = ref MemoryMarshal.GetReference(v);
        ref float ar = ref MemoryMarshal.GetReference(acc);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Eight accumulators in flight hide the multiply-add latency when a row is short.
            for (; j <= cols - 8 * Lanes; j += 8 * Lanes)
            {
                nuint c = (nuint)j;
                Vector256<float> a0 = Vector256.LoadUnsafe(ref ar, c), a1 = Vector256.LoadUnsafe(ref ar, c + Lanes);
                Vector256<float> a2 = Vector256.LoadUnsafe(ref ar, c + 2 * Lanes), a3 = Vector256.LoadUnsafe(ref ar, c + 3 * Lanes);
                Vector256<float> a4 = Vector256.LoadUnsafe(ref ar, c + 4 * Lanes), a5 = Vector256.LoadUnsafe(ref ar, c + 5 * Lanes);
                Vector256<float> a6 = Vector256.LoadUnsafe(ref ar, c + 6 * Lanes), a7 = Vector256.LoadUnsafe(ref ar, c + 7 * Lanes);
                nuint row = (nuint)(offset + j);
                for (int i = 0; i < rows; i++, row += (nuint)stride)
                {
                    Vector256<float> s = Vector256.Create(Unsafe.Add(ref vr, i));
                    a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row), s, a0);
                    a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + Lanes), s, a1);
                    a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + 2 * Lanes), s, a2);
                    a3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + 3 * Lanes), s, a3);
                    a4 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + 4 * Lanes), s, a4);
                    a5 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + 5 * Lanes), s, a5);
                    a6 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + 6 * Lanes), s, a6);
                    a7 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + 7 * Lanes), s, a7);
                }
                a0.StoreUnsafe(ref ar, c);
                a1.StoreUnsafe(ref ar, c + Lanes);
                a2.StoreUnsafe(ref ar, c + 2 * Lanes);
                a3.StoreUnsafe(ref ar, c + 3 * Lanes);
                a4.StoreUnsafe(ref ar, c + 4 * Lanes);
                a5.StoreUnsafe(ref ar, c + 5 * Lanes);
                a6.StoreUnsafe(ref ar, c + 6 * Lanes);
                a7.StoreUnsafe(ref ar, c + 7 * Lanes);
            }
            for (; j <= cols - 2 * Lanes; j += 2 * Lanes)
            {
                nuint c = (nuint)j;
                Vector256<float> a0 = Vector256.LoadUnsafe(ref ar, c), a1 = Vector256.LoadUnsafe(ref ar, c + Lanes);
                nuint row = (nuint)(offset + j);
                for (int i = 0; i < rows; i++, row += (nuint)stride)
                {
                    Vector256<float> s = Vector256.Create(Unsafe.Add(ref vr, i));
                    a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row), s, a0);
                    a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row + Lanes), s, a1);
                }
                a0.StoreUnsafe(ref ar, c);
                a1.StoreUnsafe(ref ar, c + Lanes);
            }
            for (; j <= cols - Lanes; j += Lanes)
            {
                nuint c = (nuint)j;
                Vector256<float> a0 = Vector256.LoadUnsafe(ref ar, c);
                nuint row = (nuint)(offset + j);
                for (int i = 0; i < rows; i++, row += (nuint)stride)
                    a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref wr, row), Vector256.Create(Unsafe.Add(ref vr, i)), a0);
                a0.StoreUnsafe(ref ar, c);
            }
        }
        for (; j < cols; j++)
        {
            float sum = Unsafe.Add(ref ar, j);
            for (int i = 0; i < rows; i++) sum += Unsafe.Add(ref vr, i) * Unsafe.Add(ref wr, i * stride + offset + j);
            Unsafe.Add(ref ar, j) = sum;
        }
    }

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
