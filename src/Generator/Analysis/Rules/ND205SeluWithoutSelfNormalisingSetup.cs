using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND205: SELU's self-normalising fixed point needs LeCun weights (variance 1 / fan-in; both LeCun
/// initialisers have it) and no standard dropout. One diagnostic per SELU layer with other weights,
/// and one per dropout layer (rate above 0) in a network with a SELU layer.
/// </summary>
internal sealed class ND205SeluWithoutSelfNormalisingSetup() : DesignRule(DiagnosticDescriptors.SeluWithoutSelfNormalisingSetup)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        bool hasSelu = false;
        foreach (LayerModel layer in design.Trainable)
        {
            if (design.Effective(layer) != ActivationKind.SELU) continue;
            hasSelu = true;
            if (layer.WeightInit.Kind is InitKind.LeCunNormal or InitKind.LeCunUniform) continue;
            findings.Add(At(Site.OfLayer(layer.Index, "WeightInit"),
                $"layer {Text.Number(layer.Index)} starts with {layer.WeightInit.Kind} weights: set WeightInit = Init.LeCunNormal"));
        }
        if (!hasSelu) return;
        foreach (LayerModel layer in design.Layers)
        {
            if (layer.Kind == LayerKind.Dropout && layer.Rate > 0f)
                findings.Add(At(Site.OfLayer(layer.Index),
                    $"layer {Text.Number(layer.Index)} is a standard Dropout, which shifts the mean and variance SELU preserves: remove it"));
        }
    }
}
