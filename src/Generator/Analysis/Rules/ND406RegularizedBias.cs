using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND406: an L1 or L2 penalty on a layer's biases (one diagnostic per penalty written).</summary>
internal sealed class ND406RegularizedBias() : DesignRule(DiagnosticDescriptors.RegularizedBias)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Trainable)
        {
            if (!layer.UseBias) continue;
            if (layer.Penalties.BiasL1 > 0f)
                findings.Add(At(Site.OfLayer(layer.Index, "BiasL1"), Text.Assignment("BiasL1", layer.Penalties.BiasL1), Text.Number(layer.Index)));
            if (layer.Penalties.BiasL2 > 0f)
                findings.Add(At(Site.OfLayer(layer.Index, "BiasL2"), Text.Assignment("BiasL2", layer.Penalties.BiasL2), Text.Number(layer.Index)));
        }
    }
}
