using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Recurrent;

/// <summary>
/// The sums of a recurrent cell's gates for one block of units, kept in registers: for each of the
/// first <c>rows</c> values, <c>acc_g += v[i] W[row + i * stride + c_g]</c> for three or four gate column
/// offsets <c>c_g</c> of a row-major matrix. Even rows go to the a sums and odd rows to the b sums, so each
/// chain of dependent multiply-adds is half as deep: in a streaming step the sums over the hidden state
/// lie on the path from one step's state to the next. Callers have checked every length: no bounds checks.
/// </summary>
internal static class GateSums
{
#if NET9_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float v, int rows, ref float w, nuint row, nuint stride, nuint c0, nuint c1, nuint c2, nuint c3,
        ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2, ref Vector512<float> a3,
        ref Vector512<float> b0, ref Vector512<float> b1, ref Vector512<float> b2, ref Vector512<float> b3)
    {
        int i = 0;
        for (; i <= rows - 2; i += 2, row += 2 * stride)
        {
            Vector512<float> x = Vector512.Create(Unsafe.Add(ref v, i)), y = Vector512.Create(Unsafe.Add(ref v, i + 1));
            nuint next = row + stride;
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c2), x, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c3), x, a3);
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + c0), y, b0);
            b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + c1), y, b1);
            b2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + c2), y, b2);
            b3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + c3), y, b3);
        }
        if (i < rows)
        {
            Vector512<float> x = Vector512.Create(Unsafe.Add(ref v, i));
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c2), x, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c3), x, a3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float v, int rows, ref float w, nuint row, nuint stride, nuint c0, nuint c1, nuint c2,
        ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2,
        ref Vector512<float> b0, ref Vector512<float> b1, ref Vector512<float> b2)
    {
        int i = 0;
        for (; i <= rows - 2; i += 2, row += 2 * stride)
        {
            Vector512<float> x = Vector512.Create(Unsafe.Add(ref v, i)), y = Vector512.Create(Unsafe.Add(ref v, i + 1));
            nuint next = row + stride;
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c2), x, a2);
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + c0), y, b0);
            b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + c1), y, b1);
            b2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, next + c2), y, b2);
        }
        if (i < rows)
        {
            Vector512<float> x = Vector512.Create(Unsafe.Add(ref v, i));
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + c2), x, a2);
        }
    }
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float v, int rows, ref float w, nuint row, nuint stride, nuint c0, nuint c1, nuint c2, nuint c3,
        ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2, ref Vector256<float> a3,
        ref Vector256<float> b0, ref Vector256<float> b1, ref Vector256<float> b2, ref Vector256<float> b3)
    {
        int i = 0;
        for (; i <= rows - 2; i += 2, row += 2 * stride)
        {
            Vector256<float> x = Vector256.Create(Unsafe.Add(ref v, i)), y = Vector256.Create(Unsafe.Add(ref v, i + 1));
            nuint next = row + stride;
            a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c2), x, a2);
            a3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c3), x, a3);
            b0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + c0), y, b0);
            b1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + c1), y, b1);
            b2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + c2), y, b2);
            b3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + c3), y, b3);
        }
        if (i < rows)
        {
            Vector256<float> x = Vector256.Create(Unsafe.Add(ref v, i));
            a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c2), x, a2);
            a3 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c3), x, a3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float v, int rows, ref float w, nuint row, nuint stride, nuint c0, nuint c1, nuint c2,
        ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2,
        ref Vector256<float> b0, ref Vector256<float> b1, ref Vector256<float> b2)
    {
        int i = 0;
        for (; i <= rows - 2; i += 2, row += 2 * stride)
        {
            Vector256<float> x = Vector256.Create(Unsafe.Add(ref v, i)), y = Vector256.Create(Unsafe.Add(ref v, i + 1));
            nuint next = row + stride;
            a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c2), x, a2);
            b0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + c0), y, b0);
            b1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + c1), y, b1);
            b2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, next + c2), y, b2);
        }
        if (i < rows)
        {
            Vector256<float> x = Vector256.Create(Unsafe.Add(ref v, i));
            a0 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c0), x, a0);
            a1 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c1), x, a1);
            a2 = DenseKernels.MultiplyAdd(Vector256.LoadUnsafe(ref w, row + c2), x, a2);
        }
    }

    /// <summary>One unit of one gate: <c>v[i] W[row + i * stride + column]</c> summed over the rows, even rows into a, odd into b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float v, int rows, ref float w, nuint row, nuint stride, nuint column, ref float a, ref float b)
    {
        int i = 0;
        for (; i <= rows - 2; i += 2, row += 2 * stride)
        {
            a += Unsafe.Add(ref w, row + column) * Unsafe.Add(ref v, i);
            b += Unsafe.Add(ref w, row + stride + column) * Unsafe.Add(ref v, i + 1);
        }
        if (i < rows) a += Unsafe.Add(ref w, row + column) * Unsafe.Add(ref v, i);
    }
}
