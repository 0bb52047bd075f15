using System;
using System.Globalization;
using System.Numerics.Tensors;

namespace NeuralDsl.Data;

/// <summary>Checks shared by the data utilities, with messages that say where the bad value is.</summary>
internal static class DataGuard
{
    /// <summary>Throws unless every value of the row-major <paramref name="values"/> is finite, naming the sample and column of the first that is not.</summary>
    public static void Finite(ReadOnlySpan<float> values, int rowSize, string what, string parameterName)
    {
        // The vectorised scan is the common path; the scalar one only runs to locate the culprit.
        if (values.IsEmpty || TensorPrimitives.IsFiniteAll(values)) return;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"Sample {i / rowSize}, {what} column {i % rowSize} is {values[i]}; data must be finite (no NaN or infinity)."),
                    parameterName);
        }
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
