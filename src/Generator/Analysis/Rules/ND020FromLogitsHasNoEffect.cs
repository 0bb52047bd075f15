using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND020: <c>FromLogits</c> with a loss that does not take logits (not a cross-entropy, or no loss at all).</summary>
internal sealed class ND020FromLogitsHasNoEffect() : DesignRule(DiagnosticDescriptors.FromLogitsHasNoEffect)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (model.FromLogits && !NetworkDesign.IsCrossEntropy(model.Loss))
            findings.Add(At(Site.Network("FromLogits"), "Loss." + model.Loss));
    }
}
