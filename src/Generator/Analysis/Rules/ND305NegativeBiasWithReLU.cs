using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND305: ReLU units whose biases start at a negative constant, below the kink, where they can die.</summary>
internal sealed class ND305NegativeBiasWithReLU() : DesignRule(DiagnosticDescriptors.NegativeBiasWithReLU)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Trainable)
        {
            if (layer.UseBias && design.Effective(layer) == ActivationKind.ReLU &&
                layer.BiasInit.Kind == InitKind.Constant && layer.BiasInit.First < 0f)
                findings.Add(At(Site.OfLayer(layer.Index, "BiasValue"), Text.Number(layer.Index), Text.Number(layer.BiasInit.First)));
        }
    }
}
