using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND302: He initialisation (variance 2 / fan-in, derived for rectifiers) on a sigmoid or tanh layer.</summary>
internal sealed class ND302HeInitWithSaturatingActivation() : DesignRule(DiagnosticDescriptors.HeInitWithSaturatingActivation)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Trainable)
        {
            ActivationKind activation = design.Effective(layer);
            if (!NetworkDesign.IsSaturating(activation) || layer.WeightInit.Kind is not (InitKind.HeNormal or InitKind.HeUniform)) continue;
            string fix = activation == ActivationKind.Tanh ? "Init.GlorotUniform" : "Init.GlorotUniform or Init.LeCunNormal";
            findings.Add(At(Site.OfLayer(layer.Index, "WeightInit"), Text.Number(layer.Index), "Init." + layer.WeightInit.Kind, activation, fix));
        }
    }
}
