using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND107: a cross-entropy on logits (<c>FromLogits</c>) after an output that already gives probabilities.</summary>
internal sealed class ND107ProbabilityOutputWithLogitsLoss() : DesignRule(DiagnosticDescriptors.ProbabilityOutputWithLogitsLoss)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (!model.FromLogits || !NetworkDesign.IsCrossEntropy(model.Loss) || !NetworkDesign.IsProbability(design.OutputActivation)) return;
        string applied = model.Loss == LossKind.BinaryCrossEntropy ? "a sigmoid" : "a softmax";
        findings.Add(At(Site.Activation(model.OutputActivationLayer), applied, design.OutputActivation));
    }
}
