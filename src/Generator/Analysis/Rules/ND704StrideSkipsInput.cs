using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND704: a convolution or pooling layer whose stride exceeds its window along an axis, so the window
/// jumps over input positions that no output ever reads: their values, and their gradients, are lost.
/// Fires when the fraction of positions never read is above <see cref="RuleSettings.UnreadFraction"/>
/// (0 by default: any). A stride at most the window only loses a valid layer's trailing positions,
/// which is the usual floor of pooling an odd size and is not reported.
/// </summary>
internal sealed class ND704StrideSkipsInput() : DesignRule(DiagnosticDescriptors.StrideSkipsInput)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Layers)
        {
            if (!layer.IsConvolution && !layer.IsPooling) continue;
            Window window = layer.Window;
            if (window.StrideHeight <= window.KernelHeight && window.StrideWidth <= window.KernelWidth) continue;
            Shape input = layer.InputShape;
            long read = (long)Read(input.Height, window.KernelHeight, window.StrideHeight, window.PadTop, layer.OutputShape.Height) *
                Read(input.Width, window.KernelWidth, window.StrideWidth, window.PadLeft, layer.OutputShape.Width);
            long total = (long)input.Height * input.Width;
            long unread = total - read;
            double fraction = (double)unread / total;
            if (unread == 0 || fraction <= settings.UnreadFraction) continue;
            bool oneDimensional = layer.Kind is LayerKind.Conv1D or LayerKind.MaxPool1D or LayerKind.AveragePool1D;
            string extent = oneDimensional ? Text.Number(window.KernelWidth) : $"{Text.Number(window.KernelHeight)}x{Text.Number(window.KernelWidth)}";
            string stride = oneDimensional ? Text.Number(window.StrideWidth) : $"{Text.Number(window.StrideHeight)}x{Text.Number(window.StrideWidth)}";
            findings.Add(At(Site.OfLayer(layer.Index, "Strides"), Text.Number(layer.Index), layer.Kind, stride, extent,
                $"{Text.Number(unread)} of {Text.Number(total)}", Text.Number(System.Math.Round(100 * fraction, 1))));
        }
    }

    /// <summary>
    /// Positions of one axis of <paramref name="input"/> values that some window reads: output
    /// <c>o</c> reads <c>[o * stride - padBefore, o * stride - padBefore + kernel)</c>.
    /// </summary>
    private static int Read(int input, int kernel, int stride, int padBefore, int outputs)
    {
        var read = new bool[input];
        int count = 0;
        for (int o = 0; o < outputs; o++)
        {
            int start = o * stride - padBefore;
            for (int i = System.Math.Max(start, 0); i < System.Math.Min(start + kernel, input); i++)
            {
                if (read[i]) continue;
                read[i] = true;
                count++;
            }
        }
        return count;
    }
}
