using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND404: a dropout layer (rate above 0) immediately followed by batch normalisation (the variance shift of Li et al., 2019).</summary>
internal sealed class ND404DropoutBeforeBatchNorm() : DesignRule(DiagnosticDescriptors.DropoutBeforeBatchNorm)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Layers)
        {
            if (layer.Kind == LayerKind.Dropout && layer.Rate > 0f && design.FollowedByBatchNormalization(layer))
                findings.Add(At(Site.OfLayer(layer.Index)));
        }
    }
}
