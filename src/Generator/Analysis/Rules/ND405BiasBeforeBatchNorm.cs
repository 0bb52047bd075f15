using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND405: a linear Dense or convolution layer with biases straight before batch normalisation, which subtracts them again.</summary>
internal sealed class ND405BiasBeforeBatchNorm() : DesignRule(DiagnosticDescriptors.BiasBeforeBatchNorm)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Trainable)
        {
            if (layer.UseBias && layer.Activation == ActivationKind.Linear && design.FollowedByBatchNormalization(layer))
                findings.Add(At(Site.OfLayer(layer.Index, "UseBias"), Text.Number(layer.Index)));
        }
    }
}
