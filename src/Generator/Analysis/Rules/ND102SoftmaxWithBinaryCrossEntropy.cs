using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND102: a softmax output of two or more units scored with binary cross-entropy. The parser leaves
/// this case to this warning rather than to ND105, since the outputs are probabilities.
/// </summary>
internal sealed class ND102SoftmaxWithBinaryCrossEntropy() : DesignRule(DiagnosticDescriptors.SoftmaxWithBinaryCrossEntropy)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (model.Loss == LossKind.BinaryCrossEntropy && !model.FromLogits &&
            design.OutputActivation == ActivationKind.Softmax && design.OutputUnits >= 2)
            findings.Add(At(Site.Network("Loss"), Text.Number(design.OutputUnits)));
    }
}
