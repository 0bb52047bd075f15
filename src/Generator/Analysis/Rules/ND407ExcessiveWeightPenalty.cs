using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND407: an L1 or L2 kernel penalty of at least <see cref="RuleSettings.Penalty"/>. Only penalties added
/// to the loss count; the optimiser's WeightDecay is not checked.
/// </summary>
internal sealed class ND407ExcessiveWeightPenalty() : DesignRule(DiagnosticDescriptors.ExcessiveWeightPenalty)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel dense in design.Dense)
        {
            if (dense.Penalties.KernelL1 >= settings.Penalty)
                findings.Add(At(Site.OfLayer(dense.Index, "KernelL1"), Text.Assignment("KernelL1", dense.Penalties.KernelL1), Text.Number(settings.Penalty)));
            if (dense.Penalties.KernelL2 >= settings.Penalty)
                findings.Add(At(Site.OfLayer(dense.Index, "KernelL2"), Text.Assignment("KernelL2", dense.Penalties.KernelL2), Text.Number(settings.Penalty)));
        }
    }
}
