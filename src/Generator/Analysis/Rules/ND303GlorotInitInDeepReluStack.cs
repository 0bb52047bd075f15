using System.Collections.Generic;
using System.Linq;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND303: at least <see cref="RuleSettings.RectifierLayers"/> hidden rectifier layers initialised with
/// Glorot, in a network without batch normalisation. NeuralDsl's default for a rectifier Dense or convolution layer
/// is He, so this mostly catches linear layers followed by a rectifier Activation layer (whose
/// default is Glorot) and explicit Glorot initialisers.
/// </summary>
internal sealed class ND303GlorotInitInDeepReluStack() : DesignRule(DiagnosticDescriptors.GlorotInitInDeepReluStack)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        if (design.HasBatchNormalization) return;
        List<LayerModel> glorot = design.Hidden
            .Where(layer => NetworkDesign.IsRectifier(design.Effective(layer)) &&
                layer.WeightInit.Kind is InitKind.GlorotUniform or InitKind.GlorotNormal)
            .ToList();
        if (glorot.Count < settings.RectifierLayers) return;
        List<Site> sites = glorot.Select(layer => Site.OfLayer(layer.Index, "WeightInit")).ToList();
        findings.Add(new Finding(Descriptor, sites[0], [Text.Number(glorot.Count)], sites.Skip(1).ToList()));
    }
}
