using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND601: a declared <c>Epochs</c> or <c>BatchSize</c> below 1 (each reported where it is written).</summary>
internal sealed class ND601NonPositiveTrainingLength() : DesignRule(DiagnosticDescriptors.NonPositiveTrainingLength)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        TrainingSpec training = design.Model.Training;
        if (training.Epochs is <= 0 and int epochs)
            findings.Add(At(Site.Network("Epochs"), "Epochs = " + Text.Number(epochs)));
        if (training.BatchSize is <= 0 and int batchSize)
            findings.Add(At(Site.Network("BatchSize"), "BatchSize = " + Text.Number(batchSize)));
    }
}
