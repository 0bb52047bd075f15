using System;

namespace NeuralDsl;

/// <summary>
/// Geometry of one 2-D pooling layer over a channels-last sample: input <c>[InH, InW, C]</c>, output
/// <c>[OutH, OutW, C]</c>, row-major; channels pass through. Generated code passes constants; the
/// kernels never derive the output size or the padding themselves.
/// </summary>
/// <remarks>
/// Padding before the input is <see cref="PadTop"/> and <see cref="PadLeft"/>; the padding after it is
/// implied by the output size. Padded positions take no part: max pooling ignores them and average
/// pooling divides by the number of input positions in the window (Keras' "same",
/// ONNX's <c>count_include_pad = 0</c>). 1-D pooling over <c>[Steps, C]</c> is this with
/// <c>InH = PoolH = StrideH = 1</c> and <c>PadTop = 0</c>.
/// <code>
/// // 2 x 2 max pooling of a 28 x 28 x 32 image, stride 2, no padding.
/// var g = new Pool2DGeometry(28, 28, 32, 2, 2, 2, 2, 0, 0, 14, 14);
/// </code>
/// </remarks>
/// <param name="InH">Input height (rows).</param>
/// <param name="InW">Input width (columns).</param>
/// <param name="C">Channels, of the input and of the output.</param>
/// <param name="PoolH">Window height.</param>
/// <param name="PoolW">Window width.</param>
/// <param name="StrideH">Vertical stride.</param>
/// <param name="StrideW">Horizontal stride.</param>
/// <param name="PadTop">Padded rows before the input.</param>
/// <param name="PadLeft">Padded columns before the input.</param>
/// <param name="OutH">Output height.</param>
/// <param name="OutW">Output width.</param>
public readonly record struct Pool2DGeometry(
    int InH, int InW, int C, int PoolH, int PoolW,
    int StrideH, int StrideW, int PadTop, int PadLeft, int OutH, int OutW)
{
    /// <summary>Floats in one input sample, <c>InH * InW * C</c>.</summary>
    public int InputSize => InH * InW * C;

    /// <summary>Floats in one output sample, <c>OutH * OutW * C</c>.</summary>
    public int OutputSize => OutH * OutW * C;

    /// <summary>Throws unless every size is positive, the padding is smaller than the window and every window overlaps the input.</summary>
    internal void Validate(string parameterName)
    {
        if (InH < 1 || InW < 1 || C < 1 || PoolH < 1 || PoolW < 1 || StrideH < 1 || StrideW < 1 || OutH < 1 || OutW < 1)
            throw new ArgumentException($"Every size and stride of a pooling layer must be at least 1, but the geometry is {this}.", parameterName);
        GeometryChecks.Axis(InH, PoolH, StrideH, PadTop, OutH, "height", "PadTop", "OutH", this, parameterName);
        GeometryChecks.Axis(InW, PoolW, StrideW, PadLeft, OutW, "width", "PadLeft", "OutW", this, parameterName);
        GeometryChecks.Fits((long)InH * InW * C, (long)OutH * OutW * C, 0, this, parameterName);
    }
}
