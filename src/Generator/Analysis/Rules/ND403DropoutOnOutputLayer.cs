using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND403: a dropout layer (rate above 0) after the output layer, which drops predictions rather than
/// features. A softmax output followed by dropout is this mistake, not a softmax in a hidden layer.
/// </summary>
internal sealed class ND403DropoutOnOutputLayer() : DesignRule(DiagnosticDescriptors.DropoutOnOutputLayer)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        if (design.Output is not { } output) return;
        string detail = design.OutputActivation == ActivationKind.Softmax
            ? " (after a softmax, they no longer sum to 1, and a zeroed probability makes a cross-entropy infinite)"
            : "";
        for (int i = output.Index + 1; i < design.Layers.Count; i++)
        {
            LayerModel layer = design.Layers[i];
            if (layer.Kind == LayerKind.Dropout && layer.Rate > 0f) findings.Add(At(Site.OfLayer(i), detail));
        }
    }
}
