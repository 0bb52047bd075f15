using System.Collections.Generic;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Analysis.Rules;

/// <summary>ND108: a regression loss (MSE, MAE, Huber) on a declared classification task. Independent of every other rule.</summary>
internal sealed class ND108RegressionLossForClassification() : DesignRule(DiagnosticDescriptors.RegressionLossForClassification)
{
    public override void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings)
    {
        NetworkModel model = design.Model;
        if (!NetworkDesign.IsRegressionLoss(model.Loss)) return;
        string? fix = model.Task.Kind switch
        {
            LearningTaskKind.Binary => "BinaryCrossEntropy with a Sigmoid output",
            LearningTaskKind.Multiclass => "CategoricalCrossEntropy (or SparseCategoricalCrossEntropy for class indices) with a Softmax output",
            _ => null,
        };
        if (fix is not null) findings.Add(At(Site.Network("Loss"), model.Loss, model.Task.Kind, fix));
    }
}
