using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND109: a regression output whose range cannot cover the targets as they are declared to be
/// scaled (sigmoid, tanh, ReLU, softplus), or a softmax over several regression outputs.
/// </summary>
internal sealed class ND109BoundedOutputForRegression() : DesignRule(DiagnosticDescriptors.BoundedOutputForRegression)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (model.Task.Kind != LearningTaskKind.Regression) return;
        ScalingKind targets = model.Task.TargetScaling;
        string declared = targets == ScalingKind.Unspecified ? "TargetScaling is not declared" : "TargetScaling is " + targets;
        string? problem = design.OutputActivation switch
        {
            ActivationKind.Sigmoid when targets != ScalingKind.MinMax01 =>
                "Sigmoid outputs lie in (0, 1), but " + declared,
            ActivationKind.Tanh when targets is not (ScalingKind.MinMax11 or ScalingKind.MinMax01) =>
                "Tanh outputs lie in (-1, 1), but " + declared,
            ActivationKind.ReLU or ActivationKind.Softplus when targets is not (ScalingKind.NonNegative or ScalingKind.MinMax01) =>
                design.OutputActivation + " outputs are never negative (and a ReLU output can die), but " + declared,
            ActivationKind.Softmax when design.OutputUnits >= 2 =>
                "Softmax outputs are positive and always sum to 1",
            _ => null,
        };
        if (problem is not null) findings.Add(At(Site.Activation(model.OutputActivationLayer), problem));
    }
}
