using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND502: a learning rate above the optimiser's usual stable range: Adam, AdamW and RMSprop above
/// 0.01; AdaGrad above 0.1; SGD above 0.3, or with momentum an effective rate
/// <c>lr / (1 - momentum)</c> above 1 (so SGD 0.1 with momentum 0.9 passes). The effective rate is
/// compared with a small relative tolerance, since 0.1f / (1 - 0.9f) is not exactly 1 in floats.
/// </summary>
internal sealed class ND502LearningRateTooHigh() : DesignRule(DiagnosticDescriptors.LearningRateTooHigh)
{
    private const double Tolerance = 1e-4;

    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (!model.IsTrainable) return;
        OptimizerSpec optimizer = model.Optimizer;
        float rate = optimizer.LearningRate;
        string assignment = Text.Assignment("LearningRate", rate);
        float limit = optimizer.Kind switch
        {
            OptimizerKind.Adagrad => settings.AdagradRate,
            OptimizerKind.Sgd => settings.SgdRate,
            _ => settings.AdaptiveRate,
        };
        if (rate > limit)
        {
            findings.Add(At(Site.Network("LearningRate"), assignment, Text.Number(limit), optimizer.Kind));
            return;
        }
        if (optimizer.Kind != OptimizerKind.Sgd || !(optimizer.Momentum > 0f)) return;
        double effective = (double)rate / (1d - optimizer.Momentum);
        if (effective > settings.SgdEffectiveRate * (1 + Tolerance))
        {
            string text = $"The effective rate LearningRate / (1 - Momentum) = {Text.Number(rate)} / (1 - {Text.Number(optimizer.Momentum)}) = {Text.Number(effective)}";
            findings.Add(At(Site.Network("Momentum"), text, Text.Number(settings.SgdEffectiveRate), "Sgd with momentum"));
        }
    }
}
