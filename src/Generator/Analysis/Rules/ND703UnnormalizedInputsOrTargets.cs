using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND703: inputs declared unscaled, or regression targets declared unscaled. Independent of every other rule.</summary>
internal sealed class ND703UnnormalizedInputsOrTargets() : DesignRule(DiagnosticDescriptors.UnnormalizedInputsOrTargets)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        TaskSpec task = design.Model.Task;
        if (task.InputScaling == ScalingKind.None)
            findings.Add(At(Site.Network("InputScaling"), "InputScaling", "inputs"));
        if (task.Kind == LearningTaskKind.Regression && task.TargetScaling == ScalingKind.None)
            findings.Add(At(Site.Network("TargetScaling"), "TargetScaling", "targets"));
    }
}
