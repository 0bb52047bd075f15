using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND506, warning part: an Adam or AdamW epsilon that is positive (the parser rejects the rest) but
/// below <see cref="RuleSettings.MinimumEpsilon"/>.
/// </summary>
internal sealed class ND506AdamEpsilonTooSmall() : DesignRule(DiagnosticDescriptors.AdamEpsilonTooSmall)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        float epsilon = model.Optimizer.Epsilon;
        if (model.IsTrainable && model.Optimizer.Kind is OptimizerKind.Adam or OptimizerKind.AdamW &&
            epsilon > 0f && epsilon < settings.MinimumEpsilon)
            findings.Add(At(Site.Network("Epsilon"), Text.Number(epsilon), Text.Number(settings.MinimumEpsilon)));
    }
}
