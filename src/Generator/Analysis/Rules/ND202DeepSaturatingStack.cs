using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND202: too many hidden layers with a saturating effective activation (sigmoid, tanh) that are not
/// immediately followed by batch normalisation: at least <see cref="RuleSettings.SigmoidLayers"/>
/// sigmoid layers, or <see cref="RuleSettings.SaturatingLayers"/> sigmoid or tanh layers. One
/// diagnostic for the stack, at its first layer, with the others as additional locations.
/// </summary>
internal sealed class ND202DeepSaturatingStack() : DesignRule(DiagnosticDescriptors.DeepSaturatingStack)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        var saturating = new List<LayerModel>();
        int sigmoids = 0;
        foreach (LayerModel hidden in design.Hidden)
        {
            ActivationKind activation = design.Effective(hidden);
            if (!NetworkDesign.IsSaturating(activation) || design.FollowedByBatchNormalization(hidden)) continue;
            saturating.Add(hidden);
            if (activation == ActivationKind.Sigmoid) sigmoids++;
        }
        if (sigmoids < settings.SigmoidLayers && saturating.Count < settings.SaturatingLayers) return;

        List<Site> sites = saturating.Select(layer => Site.Activation(design.EffectiveSource(layer).Index)).ToList();
        findings.Add(new Finding(Descriptor, sites[0],
            [Text.Number(saturating.Count), Text.List(saturating.Select(layer => layer.Index).ToList())], sites.Skip(1).ToList()));
    }
}
