using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND103: sigmoid outputs of two or more units scored with a categorical cross-entropy, which assumes
/// they form a distribution. The parser leaves this case to this warning rather than to ND106.
/// </summary>
internal sealed class ND103SigmoidOutputWithCategoricalCrossEntropy() : DesignRule(DiagnosticDescriptors.SigmoidOutputWithCategoricalCrossEntropy)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (NetworkDesign.IsCategorical(model.Loss) && !model.FromLogits &&
            design.OutputActivation == ActivationKind.Sigmoid && design.OutputUnits >= 2)
            findings.Add(At(Site.Network("Loss"), model.Loss, Text.Number(design.OutputUnits)));
    }
}
