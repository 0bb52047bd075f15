using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND406: an L1 or L2 penalty on a layer's biases (one diagnostic per penalty written).</summary>
internal sealed class ND406RegularizedBias() : DesignRule(DiagnosticDescriptors.RegularizedBias)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel dense in design.Dense)
        {
            if (!dense.UseBias) continue;
            if (dense.Penalties.BiasL1 > 0f)
                findings.Add(At(Site.OfLayer(dense.Index, "BiasL1"), Text.Assignment("BiasL1", dense.Penalties.BiasL1), Text.Number(dense.Index)));
            if (dense.Penalties.BiasL2 > 0f)
                findings.Add(At(Site.OfLayer(dense.Index, "BiasL2"), Text.Assignment("BiasL2", dense.Penalties.BiasL2), Text.Number(dense.Index)));
        }
    }
}
