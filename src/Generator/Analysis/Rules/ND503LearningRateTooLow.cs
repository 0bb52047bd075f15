using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND503: a positive learning rate below <see cref="RuleSettings.MinimumRate"/> (1e-6), where training effectively stalls.</summary>
internal sealed class ND503LearningRateTooLow() : DesignRule(DiagnosticDescriptors.LearningRateTooLow)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        float rate = model.Optimizer.LearningRate;
        if (model.IsTrainable && rate > 0f && rate < settings.MinimumRate)
            findings.Add(At(Site.Network("LearningRate"), Text.Number(rate), Text.Number(settings.MinimumRate)));
    }
}
