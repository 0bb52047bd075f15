using System;
using System.Collections.Generic;

namespace NeuralDsl.Data;

/// <summary>
/// Orders strings by Unicode code point, as numpy sorts them. Plain ordinal comparison orders UTF-16 code
/// units instead, which puts a character above U+FFFF (a surrogate pair) before one in U+E000..U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i], b = y[i];
            if (a != b) return CodePointOrder(a) - CodePointOrder(b);
        }
        return x.Length - y.Length;
    }

    // Surrogates (U+D800..U+DFFF) start code points above U+FFFF: lift them above U+E000..U+FFFF.
    private static int CodePointOrder(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}

/// <summary>Orders numbers ascending with NaN last, as numpy sorts them (the default comparer puts NaN first).</summary>
internal sealed class NaNLastComparer : IComparer<double>, IComparer<float>
{
    public static readonly NaNLastComparer Instance = new();

    public int Compare(double x, double y)
    {
        if (double.IsNaN(x)) return double.IsNaN(y) ? 0 : 1;
        if (double.IsNaN(y)) return -1;
        return x.CompareTo(y);
    }

    public int Compare(float x, float y) => Compare((double)x, y);
}
