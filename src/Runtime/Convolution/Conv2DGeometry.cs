using System;

namespace NeuralDsl;

/// <summary>
/// Geometry of one 2-D convolution over a channels-last sample: input <c>[InH, InW, InC]</c>, kernel
/// <c>[KH, KW, InC, OutC]</c> (Keras' layout), output <c>[OutH, OutW, OutC]</c>, all row-major. Generated
/// code passes constants; the kernels never derive the output size or the padding themselves.
/// </summary>
/// <remarks>
/// Padding before the input is <see cref="PadTop"/> and <see cref="PadLeft"/>; the padding after it is
/// implied by the output size. A 1-D convolution over <c>[Steps, C]</c> is this with <c>InH = KH = StrideH = 1</c>
/// and <c>PadTop = 0</c>.
/// <code>
/// // 28 x 28 x 1 image, 3 x 3 kernel, 32 filters, stride 1, Keras' "same" padding.
/// var g = new Conv2DGeometry(28, 28, 1, 3, 3, 32, 1, 1, 1, 1, 28, 28);
/// </code>
/// </remarks>
/// <param name="InH">Input height (rows).</param>
/// <param name="InW">Input width (columns).</param>
/// <param name="InC">Input channels.</param>
/// <param name="KH">Kernel height.</param>
/// <param name="KW">Kernel width.</param>
/// <param name="OutC">Output channels (filters).</param>
/// <param name="StrideH">Vertical stride.</param>
/// <param name="StrideW">Horizontal stride.</param>
/// <param name="PadTop">Zero rows before the input.</param>
/// <param name="PadLeft">Zero columns before the input.</param>
/// <param name="OutH">Output height.</param>
/// <param name="OutW">Output width.</param>
public readonly record struct Conv2DGeometry(
    int InH, int InW, int InC, int KH, int KW, int OutC,
    int StrideH, int StrideW, int PadTop, int PadLeft, int OutH, int OutW)
{
    /// <summary>Floats in one input sample, <c>InH * InW * InC</c>.</summary>
    public int InputSize => InH * InW * InC;

    /// <summary>Floats in one output sample, <c>OutH * OutW * OutC</c>.</summary>
    public int OutputSize => OutH * OutW * OutC;

    /// <summary>Floats in the kernel, <c>KH * KW * InC * OutC</c>.</summary>
    public int KernelSize => KH * KW * InC * OutC;

    /// <summary>Throws unless every size is positive, the padding is smaller than the kernel and every window overlaps the input.</summary>
    internal void Validate(string parameterName)
    {
        if (InH < 1 || InW < 1 || InC < 1 || KH < 1 || KW < 1 || OutC < 1 || StrideH < 1 || StrideW < 1 || OutH < 1 || OutW < 1)
            throw new ArgumentException($"Every size and stride of a convolution must be at least 1, but the geometry is {this}.", parameterName);
        GeometryChecks.Axis(InH, KH, StrideH, PadTop, OutH, "height", "PadTop", "OutH", this, parameterName);
        GeometryChecks.Axis(InW, KW, StrideW, PadLeft, OutW, "width", "PadLeft", "OutW", this, parameterName);
        GeometryChecks.Fits((long)InH * InW * InC, (long)OutH * OutW * OutC, (long)KH * KW * InC * OutC, this, parameterName);
    }
}
