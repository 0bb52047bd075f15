using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND604: a trained network with recurrent layers declares no positive <c>ClipNorm</c> or
/// <c>ClipValue</c> (0 turns clipping off), so a gradient that grows through the time steps reaches the
/// optimiser whole (Pascanu et al., 2013). One diagnostic per network, the root cause being the missing
/// setting: a warning on the first SimpleRNN (no gates to damp the growth) when there is one, else
/// advice on the first LSTM or GRU; the other recurrent layers are additional locations. Registered
/// twice, once per severity, each instance reporting its own case.
/// </summary>
internal sealed class ND604RecurrentWithoutGradientClipping(bool simpleRnn) : DesignRule(simpleRnn
    ? DiagnosticDescriptors.RecurrentWithoutGradientClipping
    : DiagnosticDescriptors.GatedRecurrentWithoutGradientClipping)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (!model.IsTrainable || model.Training.ClipNorm > 0f || model.Training.ClipValue > 0f) return;
        LayerModel[] recurrent = design.Layers.Where(layer => layer.IsRecurrent).ToArray();
        LayerModel? first = recurrent.FirstOrDefault(layer => layer.Kind == LayerKind.SimpleRNN);
        if ((first is not null) != simpleRnn) return;
        first ??= recurrent.FirstOrDefault();
        if (first is null) return;
        Site[] others = recurrent.Where(layer => layer != first).Select(layer => Site.OfLayer(layer.Index)).ToArray();
        findings.Add(new Finding(Descriptor, Site.OfLayer(first.Index), [Text.Number(first.Index), first.Kind], others));
    }
}
