using System;
using System.Globalization;

namespace NeuralDsl.Recurrent;

/// <summary>Checks shared by the geometry records: positive sizes, and totals that fit an array.</summary>
internal static class RecurrentSizes
{
    public static int Positive(int value, string parameterName)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(parameterName, value, "Must be positive.");
        return value;
    }

    /// <summary>Throws when <paramref name="size"/> floats (computed in 64 bits) are more than an array can hold.</summary>
    public static void Fits(long size, string what)
    {
        if (size > Array.MaxLength)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{what} would need {size} floats, more than an array can hold."));
    }

    /// <summary>Throws unless a span of <paramref name="actual"/> floats is empty (an input gradient not wanted) or holds <paramref name="expected"/>.</summary>
    public static void OptionalLength(int actual, int expected, string constantName, string parameterName)
    {
        if (actual != 0) NetworkGuard.Length(actual, expected, constantName, parameterName);
    }
}
