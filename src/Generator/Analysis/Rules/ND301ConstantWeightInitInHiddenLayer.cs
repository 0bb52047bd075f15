using System.Collections.Generic;
using System.Collections.Immutable;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND301: a hidden Dense or convolution layer whose weights all start equal (zeros, ones or a constant), so its units
/// never break symmetry. The output layer alone is exempt: its units differ through their targets.
/// </summary>
internal sealed class ND301ConstantWeightInitInHiddenLayer() : DesignRule(DiagnosticDescriptors.ConstantWeightInitInHiddenLayer)
{
    /// <summary>Diagnostic property naming the <c>Init</c> member matched to the activation, for the code fix.</summary>
    public const string InitProperty = "Init";

    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        foreach (LayerModel hidden in design.Hidden)
        {
            string? value = hidden.WeightInit.Kind switch
            {
                InitKind.Zeros => "Init.Zeros",
                InitKind.Ones => "Init.Ones",
                InitKind.Constant => "Init.Constant, " + Text.Assignment("WeightValue", hidden.WeightInit.First),
                _ => null,
            };
            if (value is null) continue;
            ActivationKind activation = design.Effective(hidden);
            InitKind matched = NetworkDesign.MatchedInit(activation);
            findings.Add(new Finding(Descriptor, Site.OfLayer(hidden.Index, "WeightInit"),
                [Text.Number(hidden.Index), value, $"WeightInit = Init.{matched}, matched to {activation}"])
            {
                Properties = ImmutableDictionary<string, string?>.Empty.Add(InitProperty, matched.ToString()),
            });
        }
    }
}
