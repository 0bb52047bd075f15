using System;
using System.Globalization;
using System.Numerics;

namespace NeuralDsl.Reports;

/// <summary>
/// Fixed-point formatting as Python's <c>format(x, ".2f")</c> does it, so reports print the digits
/// scikit-learn prints: the exact binary value rounded to the nearest, ties to even. .NET's <c>"F2"</c>
/// rounds exact ties away from zero (0.125 is "0.13" there and "0.12" in Python).
/// </summary>
internal static class FixedPoint
{
    public static string Format(double value, int digits)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
        bool negative = value < 0 || (value == 0 && double.IsNegative(value));
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int exponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        // |value| = mantissa * 2^power exactly.
        BigInteger mantissa = exponent == 0 ? fraction : fraction | (1L << 52);
        int power = exponent == 0 ? -1074 : exponent - 1075;
        BigInteger scaled = mantissa * BigInteger.Pow(10, digits); // |value| * 10^digits = scaled * 2^power
        BigInteger units;
        if (power >= 0) units = scaled << power;
        else
        {
            BigInteger denominator = BigInteger.One << -power;
            units = BigInteger.DivRem(scaled, denominator, out BigInteger remainder);
            int half = (remainder * 2).CompareTo(denominator);
            if (half > 0 || (half == 0 && !units.IsEven)) units++;
        }
        string text = units.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        if (digits > 0) text = text.Insert(text.Length - digits, ".");
        return negative ? "-" + text : text;
    }
}
