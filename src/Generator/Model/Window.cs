namespace NeuralDsl.Generator.Model;

/// <summary>
/// The sliding window of a convolution or pooling layer, resolved against its input: kernel (or pool)
/// extents, strides, and the zeros before the first row and column. 1-D layers have height 1, so
/// <see cref="KernelHeight"/> and <see cref="StrideHeight"/> are 1 and <see cref="PadTop"/> 0.
/// </summary>
internal readonly record struct Window(
    int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth, PaddingKind Padding, int PadTop, int PadLeft)
{
    /// <summary>
    /// Output positions along one axis: <c>valid</c> floor((in - k) / s) + 1 (0 or less when the window
    /// does not fit); <c>same</c> ceil(in / s), TensorFlow's rule.
    /// </summary>
    public static long OutputExtent(long input, long kernel, long stride, PaddingKind padding) =>
        padding == PaddingKind.Same ? (input + stride - 1) / stride : input < kernel ? 0 : (input - kernel) / stride + 1;

    /// <summary>Zeros before the first position along one axis: half the total padding of <c>same</c>, rounded down.</summary>
    public static int PadBefore(int input, int kernel, int stride, int output, PaddingKind padding) =>
        padding == PaddingKind.Same ? System.Math.Max((output - 1) * stride + kernel - input, 0) / 2 : 0;
}
