using System;

namespace NeuralDsl;

/// <summary>The consistency rules shared by <see cref="Conv2DGeometry"/> and <see cref="Pool2DGeometry"/>.</summary>
internal static class GeometryChecks
{
    // One axis: the padding before is smaller than the window (Keras' "same" puts at most K - 1 in
    // total), and the last window starts inside the input, so no window lies wholly in the padding
    // (an average over no position, a maximum of nothing).
    public static void Axis<TGeometry>(int input, int window, int stride, int padBefore, int output,
        string axis, string padName, string outName, TGeometry geometry, string parameterName)
        where TGeometry : struct
    {
        if (padBefore < 0 || padBefore >= window)
            throw new ArgumentException($"{padName} must be at least 0 and less than the window's {axis}, but the geometry is {geometry}.", parameterName);
        if ((long)(output - 1) * stride - padBefore >= input)
            throw new ArgumentException($"{outName} is too large: its last window starts past the input's {axis}. The geometry is {geometry}.", parameterName);
    }

    public static void Fits<TGeometry>(long input, long output, long kernel, TGeometry geometry, string parameterName)
        where TGeometry : struct
    {
        if (input > Array.MaxLength || output > Array.MaxLength || kernel > Array.MaxLength)
            throw new ArgumentException($"The geometry {geometry} needs more floats than a span can hold.", parameterName);
    }
}
