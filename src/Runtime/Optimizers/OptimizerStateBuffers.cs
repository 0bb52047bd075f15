using System;
using System.Globalization;

namespace NeuralDsl.Optimizers;

/// <summary>Copies an optimiser's buffers to and from one flat span, in a fixed order, with the checks <see cref="IOptimizerState"/> documents.</summary>
internal static class OptimizerStateBuffers
{
    public static int Length(float[] a, float[] b, float[] c) => a.Length + b.Length + c.Length;

    public static void Export(Span<float> destination, float[] a, float[] b, float[] c)
    {
        CheckLength(destination.Length, Length(a, b, c), nameof(destination));
        a.CopyTo(destination);
        b.CopyTo(destination.Slice(a.Length));
        c.CopyTo(destination.Slice(a.Length + b.Length));
    }

    public static void Import(ReadOnlySpan<float> source, long stepCount, float[] a, float[] b, float[] c)
    {
        CheckLength(source.Length, Length(a, b, c), nameof(source));
        if (stepCount < 0) throw new ArgumentOutOfRangeException(nameof(stepCount), stepCount, "The step count must not be negative.");
        source.Slice(0, a.Length).CopyTo(a);
        source.Slice(a.Length, b.Length).CopyTo(b);
        source.Slice(a.Length + b.Length, c.Length).CopyTo(c);
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The optimiser's state has {expected} values; the span has {actual}."), name);
    }
}
