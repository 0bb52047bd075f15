using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND405: a linear Dense layer with biases straight before batch normalisation, which subtracts them again.</summary>
internal sealed class ND405BiasBeforeBatchNorm() : DesignRule(DiagnosticDescriptors.BiasBeforeBatchNorm)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel dense in design.Dense)
        {
            if (dense.UseBias && dense.Activation == ActivationKind.Linear && design.FollowedByBatchNormalization(dense))
                findings.Add(At(Site.OfLayer(dense.Index, "UseBias"), Text.Number(dense.Index)));
        }
    }
}
