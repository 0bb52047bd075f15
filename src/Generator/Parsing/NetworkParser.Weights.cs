using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

// [Network(Weights = "...")]: the file is matched and checked later, against the AdditionalFiles
// (see Baking); here only what the declaration alone decides.
internal sealed partial class NetworkParser
{
    private string? ParseWeights(LossKind loss)
    {
        string? weights = Named<string?>(_network, "Weights", null);
        if (weights is null) return null;
        // A baked network has no trainable parameters to train: a loss contradicts it.
        if (loss != LossKind.None)
            Report(DiagnosticDescriptors.WeightsWithLoss, ArgumentLocation(_network, "Loss"), loss);
        return weights;
    }
}
