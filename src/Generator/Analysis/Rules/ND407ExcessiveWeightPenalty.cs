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
        foreach (LayerModel layer in design.Trainable)
        {
            if (layer.Penalties.KernelL1 >= settings.Penalty)
                findings.Add(At(Site.OfLayer(layer.Index, "KernelL1"), Text.Assignment("KernelL1", layer.Penalties.KernelL1), Text.Number(settings.Penalty)));
            if (layer.Penalties.KernelL2 >= settings.Penalty)
                findings.Add(At(Site.OfLayer(layer.Index, "KernelL2"), Text.Assignment("KernelL2", layer.Penalties.KernelL2), Text.Number(settings.Penalty)));
        }
    }
}
