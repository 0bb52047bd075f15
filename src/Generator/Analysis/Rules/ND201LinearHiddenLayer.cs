using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND201: a hidden Dense or convolution layer whose effective activation is linear. Batch normalisation alone is not
/// a non-linearity, so <c>Dense(linear)</c> then <c>BatchNormalization</c> still counts; a recurrent layer is
/// one, so a linear convolution feeding an LSTM (a learned filter in front of it) does not.
/// </summary>
internal sealed class ND201LinearHiddenLayer() : DesignRule(DiagnosticDescriptors.LinearHiddenLayer)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel hidden in design.Hidden)
        {
            if (design.Effective(hidden) == ActivationKind.Linear && !design.FeedsRecurrentLayer(hidden))
                findings.Add(At(Site.Activation(hidden.Index), Text.Number(hidden.Index)));
        }
    }
}
