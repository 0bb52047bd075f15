using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Analysis.Rules;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis;

/// <summary>
/// Runs every design rule over a network model whose layers and sizes are defined (parser errors
/// included: independent mistakes are reported together) and reports what they find. The rules only
/// report: they never change what the generator emits, whatever their severity.
/// </summary>
internal static class DesignAnalysis
{
    public static readonly ImmutableArray<DesignRule> Rules = ImmutableArray.Create<DesignRule>(
        new ND020FromLogitsHasNoEffect(),
        new ND102SoftmaxWithBinaryCrossEntropy(),
        new ND103SigmoidOutputWithCategoricalCrossEntropy(),
        new ND107ProbabilityOutputWithLogitsLoss(),
        new ND108RegressionLossForClassification(),
        new ND109BoundedOutputForRegression(),
        new ND110OutputUnitsTaskMismatch(),
        new ND201LinearHiddenLayer(),
        new ND202DeepSaturatingStack(),
        new ND204RedundantActivation(),
        new ND205SeluWithoutSelfNormalisingSetup(),
        new ND301ConstantWeightInitInHiddenLayer(),
        new ND302HeInitWithSaturatingActivation(),
        new ND303GlorotInitInDeepReluStack(),
        new ND304LargeFixedScaleRandomInit(),
        new ND305NegativeBiasWithReLU(),
        new ND402HighDropoutRate(),
        new ND403DropoutOnOutputLayer(),
        new ND404DropoutBeforeBatchNorm(),
        new ND405BiasBeforeBatchNorm(),
        new ND406RegularizedBias(),
        new ND407ExcessiveWeightPenalty(),
        new ND502LearningRateTooHigh(),
        new ND503LearningRateTooLow(),
        new ND506AdamEpsilonTooSmall(),
        new ND601NonPositiveTrainingLength(),
        new ND602EarlyStoppingPatienceInvalid(),
        new ND603EarlyStoppingWithoutValidation(),
        new ND604RecurrentWithoutGradientClipping(simpleRnn: true),
        new ND604RecurrentWithoutGradientClipping(simpleRnn: false),
        new ND703UnnormalizedInputsOrTargets(),
        new ND704StrideSkipsInput());

    public static IEnumerable<DiagnosticDescriptor> Descriptors => Rules.Select(rule => rule.Descriptor);

    /// <summary>What the rules find in <paramref name="model"/>, in rule order.</summary>
    public static List<Finding> Check(NetworkModel model, RuleSettings settings)
    {
        var design = new NetworkDesign(model);
        var findings = new List<Finding>();
        foreach (DesignRule rule in Rules) rule.Check(design, settings, findings);
        return findings;
    }

    /// <summary>
    /// Reports what the rules find in <paramref name="model"/>, located in its declaration, except what
    /// one of the parser's <paramref name="errors"/> already reports (one diagnostic per root cause).
    /// </summary>
    public static void Report(NetworkModel model, ImmutableArray<Diagnostic> errors, RuleSettings settings, DeclarationLocator locator, Action<Diagnostic> report)
    {
        foreach (Finding finding in Check(model, settings))
        {
            if (TakenOver(finding, errors, locator)) continue;
            report(Diagnostic.Create(finding.Descriptor, locator.Locate(finding.Site),
                finding.AlsoAt.Select(locator.Locate), finding.Properties, finding.Arguments));
        }
    }

    /// <summary>
    /// Parser errors and the design rules whose finding they make meaningless: an output that cannot
    /// fit the loss (ND101, ND104-ND106) is the only output/loss diagnostic; an invalid initialiser
    /// argument (ND013) is the only initialisation diagnostic of its layer; an invalid learning rate or
    /// momentum (ND501, ND504) the only learning-rate one. Every other rule still runs.
    /// </summary>
    private static readonly (string Error, bool SameLayer, string[] Rules)[] Precedence =
    [
        ("ND101", false, ["ND102", "ND103", "ND107", "ND109", "ND110"]),
        ("ND104", false, ["ND102", "ND103", "ND107", "ND109", "ND110"]),
        ("ND105", false, ["ND102", "ND103", "ND107", "ND109", "ND110"]),
        ("ND106", false, ["ND102", "ND103", "ND107", "ND109", "ND110"]),
        ("ND013", true, ["ND301", "ND302", "ND303", "ND304", "ND305"]),
        ("ND501", false, ["ND502", "ND503"]),
        ("ND504", false, ["ND502"]),
    ];

    private static bool TakenOver(Finding finding, ImmutableArray<Diagnostic> errors, DeclarationLocator locator)
    {
        foreach (Diagnostic error in errors)
        {
            if (error.Severity != DiagnosticSeverity.Error) continue;
            foreach ((string id, bool sameLayer, string[] rules) in Precedence)
            {
                if (error.Id != id || Array.IndexOf(rules, finding.Descriptor.Id) < 0) continue;
                if (!sameLayer || locator.Locate(Site.OfLayer(finding.Site.Layer)).SourceSpan.Contains(error.Location.SourceSpan)) return true;
            }
        }
        return false;
    }
}
