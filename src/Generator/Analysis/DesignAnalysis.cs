using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Analysis.Rules;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis;

/// <summary>
/// Runs every design rule over a valid network model and reports what they find. The rules only
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
        new ND703UnnormalizedInputsOrTargets());

    public static IEnumerable<DiagnosticDescriptor> Descriptors => Rules.Select(rule => rule.Descriptor);

    /// <summary>What the rules find in <paramref name="model"/>, in rule order.</summary>
    public static List<Finding> Check(NetworkModel model, RuleSettings settings)
    {
        var design = new NetworkDesign(model);
        var findings = new List<Finding>();
        foreach (DesignRule rule in Rules) rule.Check(design, settings, findings);
        return findings;
    }

    /// <summary>Reports what the rules find in <paramref name="model"/>, located in its declaration.</summary>
    public static void Report(NetworkModel model, RuleSettings settings, DeclarationLocator locator, Action<Diagnostic> report)
    {
        foreach (Finding finding in Check(model, settings))
        {
            report(Diagnostic.Create(finding.Descriptor, locator.Locate(finding.Site),
                finding.AlsoAt.Select(locator.Locate), finding.Properties, finding.Arguments));
        }
    }
}
