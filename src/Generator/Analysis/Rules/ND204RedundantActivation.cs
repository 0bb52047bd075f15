using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND204: an Activation layer straight after another Activation layer, or a non-linear Activation
/// layer straight after a Dense or convolution layer that already has a non-linear activation.
/// </summary>
internal sealed class ND204RedundantActivation() : DesignRule(DiagnosticDescriptors.RedundantActivation)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Layers)
        {
            if (layer.Kind != LayerKind.Activation || design.Previous(layer) is not { } previous) continue;
            bool chained = previous.Kind == LayerKind.Activation;
            bool doubled = NetworkDesign.IsTrainable(previous) && previous.Activation != ActivationKind.Linear && layer.Activation != ActivationKind.Linear;
            if (chained || doubled)
                findings.Add(At(Site.OfLayer(layer.Index), Text.Number(layer.Index), layer.Activation, Text.Number(previous.Index), previous.Activation));
        }
    }
}
