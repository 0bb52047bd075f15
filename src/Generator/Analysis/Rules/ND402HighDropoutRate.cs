using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND402: a dropout rate above <see cref="RuleSettings.DropoutRate"/> (0.5, kept by Srivastava et al. for hidden units) and below 1 (ND401).</summary>
internal sealed class ND402HighDropoutRate() : DesignRule(DiagnosticDescriptors.HighDropoutRate)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel layer in design.Layers)
        {
            if (layer.Kind == LayerKind.Dropout && layer.Rate > settings.DropoutRate && layer.Rate < 1f)
                findings.Add(At(Site.OfLayer(layer.Index, "rate"), Text.Number(layer.Rate), Text.Number(settings.DropoutRate)));
        }
    }
}
