using System;
using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>
/// ND603: early stopping declared on a validation series (<c>val_...</c>) without a declared positive
/// <c>ValidationSplit</c>. A warning rather than the catalogue's error: validation data passed to
/// <c>Fit</c> at run time is invisible to the declaration (and <c>Fit</c> throws without any).
/// </summary>
internal sealed class ND603EarlyStoppingWithoutValidation() : DesignRule(DiagnosticDescriptors.EarlyStoppingWithoutValidation)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        TrainingSpec training = design.Model.Training;
        if (training.EarlyStoppingMonitor is { } monitor && monitor.StartsWith("val_", StringComparison.Ordinal) &&
            !(training.ValidationSplit > 0f))
            findings.Add(At(Site.Network("EarlyStoppingMonitor"), monitor));
    }
}
