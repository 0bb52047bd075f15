using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace NeuralDsl;

public static partial class ConvolutionKernels
{
    /// <summary>One sample: the mean of each channel over all positions, <c>[H, W, C]</c> to <c>[C]</c> (with <c>H = 1</c>, GlobalAveragePooling1D).</summary>
    /// <param name="x">The input, <c>[H, W, C]</c>.</param>
    /// <param name="y">The output, <c>[C]</c>, overwritten.</param>
    /// <param name="h">The height.</param>
    /// <param name="w">The width.</param>
    /// <param name="c">The channels.</param>
    /// <exception cref="ArgumentException">A size is not positive, a span has the wrong length, or <paramref name="y"/> overlaps <paramref name="x"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GlobalAveragePool2DForward(ReadOnlySpan<float> x, Span<float> y, int h, int w, int c)
    {
        CheckGlobal(x, nameof(x), y, nameof(y), h, w, c, nameof(y));
        y.Clear();
        int positions = h * w;
        for (int p = 0; p < positions; p++) TensorPrimitives.Add(y, x.Slice(p * c, c), y);
        TensorPrimitives.Multiply(y, 1f / positions, y);
    }

    /// <summary>One sample's backward pass of <see cref="GlobalAveragePool2DForward"/>: every position gets <c>dy / (H * W)</c>. Overwrites <paramref name="dx"/>.</summary>
    /// <param name="dy">The gradient with respect to the output, <c>[C]</c>.</param>
    /// <param name="dx">The gradient with respect to the input, <c>[H, W, C]</c>, overwritten.</param>
    /// <param name="h">The height.</param>
    /// <param name="w">The width.</param>
    /// <param name="c">The channels.</param>
    /// <exception cref="ArgumentException">A size is not positive, a span has the wrong length, or <paramref name="dx"/> overlaps <paramref name="dy"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GlobalAveragePool2DBackward(ReadOnlySpan<float> dy, Span<float> dx, int h, int w, int c)
    {
        CheckGlobal(dx, nameof(dx), dy, nameof(dy), h, w, c, nameof(dx));
        int positions = h * w;
        float share = 1f / positions;
        for (int p = 0; p < positions; p++) TensorPrimitives.Multiply(dy, share, dx.Slice(p * c, c));
    }

    private static void CheckGlobal(ReadOnlySpan<float> image, string imageName, ReadOnlySpan<float> channels, string channelsName, int h, int w, int c, string outputName)
    {
        if (h < 1 || w < 1 || c < 1)
            throw new ArgumentException($"Global average pooling needs positive sizes, but got h = {h}, w = {w}, c = {c}.", h < 1 ? nameof(h) : w < 1 ? nameof(w) : nameof(c));
        if ((long)h * w * c > Array.MaxLength)
            throw new ArgumentException($"h x w x c = {(long)h * w * c} floats is more than a span can hold.", nameof(c));
        NetworkGuard.Length(image.Length, h * w * c, "h x w x c", imageName);
        NetworkGuard.Length(channels.Length, c, "c", channelsName);
        NetworkGuard.NoOverlap(image, channels, outputName);
    }
}
