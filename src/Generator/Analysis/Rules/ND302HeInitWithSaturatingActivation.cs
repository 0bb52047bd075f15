using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND302: He initialisation (variance 2 / fan-in, derived for rectifiers) on a sigmoid or tanh layer.</summary>
internal sealed class ND302HeInitWithSaturatingActivation() : DesignRule(DiagnosticDescriptors.HeInitWithSaturatingActivation)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel dense in design.Dense)
        {
            ActivationKind activation = design.Effective(dense);
            if (!NetworkDesign.IsSaturating(activation) || dense.WeightInit.Kind is not (InitKind.HeNormal or InitKind.HeUniform)) continue;
            string fix = activation == ActivationKind.Tanh ? "Init.GlorotUniform" : "Init.GlorotUniform or Init.LeCunNormal";
            findings.Add(At(Site.OfLayer(dense.Index, "WeightInit"), Text.Number(dense.Index), "Init." + dense.WeightInit.Kind, activation, fix));
        }
    }
}
