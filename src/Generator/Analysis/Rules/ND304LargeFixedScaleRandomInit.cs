using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND304: a fixed-scale random initialiser (RandomNormal, RandomUniform) whose scale ignores the fan-in:
/// fires when <c>fanIn * E[w^2]</c> (a convolution's fan-in is kh * kw * in channels), the factor by which the layer multiplies its input's variance,
/// reaches <see cref="RuleSettings.VarianceGain"/>. The second moment includes the mean, so a shifted
/// distribution counts as much as a wide one.
/// </summary>
internal sealed class ND304LargeFixedScaleRandomInit() : DesignRule(DiagnosticDescriptors.LargeFixedScaleRandomInit)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Trainable)
        {
            InitSpec init = layer.WeightInit;
            double first = init.First, second = init.Second;
            (double meanSquare, string description) = init.Kind switch
            {
                InitKind.RandomNormal => (second * second + first * first, $"RandomNormal(mean {Text.Number(init.First)}, standard deviation {Text.Number(init.Second)})"),
                InitKind.RandomUniform => ((first * first + first * second + second * second) / 3, $"RandomUniform[{Text.Number(init.First)}, {Text.Number(init.Second)}]"),
                _ => (0d, ""),
            };
            int fanIn = NetworkDesign.FanIn(layer);
            double gain = fanIn * meanSquare;
            if (gain >= settings.VarianceGain)
                findings.Add(At(Site.OfLayer(layer.Index, "WeightInit"), Text.Number(layer.Index), description, Text.Number(fanIn), Text.Number(gain)));
        }
    }
}
