using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralDsl.Data;

/// <summary>Checks shared by the data utilities, with messages that say where the bad value is.</summary>
internal static class DataGuard
{
    /// <summary>Throws unless every value of the row-major <paramref name="values"/> is finite, naming the sample and column of the first that is not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Finite(ReadOnlySpan<float> values, int rowSize, string what, string parameterName)
    {
        // The vectorised scan is the common path; the scalar one only runs to locate the culprit.
        if (AllFinite(values)) return;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Sample {i / rowSize}, {what} column {i % rowSize} is {values[i]}; data must be finite (no NaN or infinity)."),
                    parameterName);
        }
    }

    /// <summary>
    /// Whether every value is finite. <c>x - x</c> is +0 (all bits clear) for a finite x and NaN for NaN or
    /// an infinity, so the bitwise or of those stays zero exactly when all are finite: a subtraction and
    /// a one-cycle or per eight values, and the last few values read as the overlapping last eight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        int length = values.Length, i = 0;
        ref float start = ref MemoryMarshal.GetReference(values);
        if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            Vector256<float> even = Vector256<float>.Zero, odd = Vector256<float>.Zero;
            for (; i <= length - 2 * Vector256<float>.Count; i += 2 * Vector256<float>.Count)
            {
                Vector256<float> a = Vector256.LoadUnsafe(ref start, (nuint)i), b = Vector256.LoadUnsafe(ref start, (nuint)(i + Vector256<float>.Count));
                even |= a - a;
                odd |= b - b;
            }
            if (i <= length - Vector256<float>.Count)
            {
                Vector256<float> next = Vector256.LoadUnsafe(ref start, (nuint)i);
                odd |= next - next;
                i += Vector256<float>.Count;
            }
            if (i < length)
            {
                Vector256<float> last = Vector256.LoadUnsafe(ref start, (nuint)(length - Vector256<float>.Count));
                even |= last - last;
            }
            return (even | odd).AsUInt32() == Vector256<uint>.Zero;
        }
        for (; i < length; i++)
            if (!float.IsFinite(Unsafe.Add(ref start, i))) return false;
        return true;
    }

    /// <summary>Returns the number of rows of <paramref name="length"/> floats, checking it is a positive whole number of rows of <paramref name="rowSize"/>.</summary>
    public static int Rows(int length, int rowSize, string rowSizeName, string parameterName)
    {
        if (rowSize <= 0)
            throw new ArgumentOutOfRangeException(rowSizeName, rowSize, "Must be positive.");
        if (length == 0)
            throw new ArgumentException("The data is empty: it needs at least one sample.", parameterName);
        if (length % rowSize != 0)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Expected a multiple of {rowSize} ({rowSizeName}) values, one row per sample, but got {length}."),
                parameterName);
        return length / rowSize;
    }

    /// <summary>Index of the largest value, the first one on ties; like numpy's argmax, a NaN wins.</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int i = 0; i < row.Length; i++)
        {
            if (float.IsNaN(row[i])) return i;
            if (row[i] > row[best]) best = i;
        }
        return best;
    }
}
