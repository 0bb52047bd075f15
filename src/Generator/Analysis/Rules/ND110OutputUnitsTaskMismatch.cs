using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND110: the output layer's width contradicts the declared task or class count.</summary>
internal sealed class ND110OutputUnitsTaskMismatch() : DesignRule(DiagnosticDescriptors.OutputUnitsTaskMismatch)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        if (design.Output is not { } output) return;
        TaskSpec task = design.Model.Task;
        int units = output.Units;
        string? problem = task.Kind switch
        {
            LearningTaskKind.Multiclass when units == 1 =>
                "a Multiclass task needs one unit per class (with Softmax); for two classes a Binary task with one Sigmoid unit",
            LearningTaskKind.Multiclass when task.Classes != 0 && units != task.Classes =>
                "Classes = " + Text.Number(task.Classes) + " needs one unit per class",
            LearningTaskKind.Binary when units > 2 =>
                "a Binary task needs 1 unit (Sigmoid) or 2 (Softmax); declare Task = LearningTask.Multiclass for more classes",
            _ => null,
        };
        if (problem is not null) findings.Add(At(Site.OfLayer(output.Index, "units"), Text.Number(units), problem));
    }
}
