using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND602: a declared early-stopping patience that is negative, or not below the declared number of epochs (so it can never stop training).</summary>
internal sealed class ND602EarlyStoppingPatienceInvalid() : DesignRule(DiagnosticDescriptors.EarlyStoppingPatienceInvalid)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        TrainingSpec training = design.Model.Training;
        if (training.EarlyStoppingPatience is not int patience) return;
        string? problem = patience < 0 ? "is negative"
            : training.Epochs is > 0 and int epochs && patience >= epochs ? $"is not below Epochs = {Text.Number(epochs)}, so early stopping can never fire"
            : null;
        if (problem is not null) findings.Add(At(Site.Network("EarlyStoppingPatience"), Text.Number(patience), problem));
    }
}
