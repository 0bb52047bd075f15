using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND305: ReLU units whose biases start at a negative constant, below the kink, where they can die.</summary>
internal sealed class ND305NegativeBiasWithReLU() : DesignRule(DiagnosticDescriptors.NegativeBiasWithReLU)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel dense in design.Dense)
        {
            if (dense.UseBias && design.Effective(dense) == ActivationKind.ReLU &&
                dense.BiasInit.Kind == InitKind.Constant && dense.BiasInit.First < 0f)
                findings.Add(At(Site.OfLayer(dense.Index, "BiasValue"), Text.Number(dense.Index), Text.Number(dense.BiasInit.First)));
        }
    }
}
