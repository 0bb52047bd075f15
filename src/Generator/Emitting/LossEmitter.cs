using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Emitting;

/// <summary>
/// Emits the per-sample loss call. Sigmoid with binary cross-entropy and softmax with (sparse)
/// categorical cross-entropy are fused: computed from the logits, giving the gradient with respect
/// to them directly, so the output activation's backward step is skipped. With <c>FromLogits</c> the
/// outputs themselves are the logits: the cross-entropy losses apply the sigmoid or softmax inside,
/// and the output activation (if any) is back-propagated as usual.
/// </summary>
internal static class LossEmitter
{
    private const string Losses = "global::NeuralDsl.Losses";

    public static bool IsFused(NetworkModel model) => !TakesLogits(model) && (model.Loss, model.Output.Activation) switch
    {
        (LossKind.BinaryCrossEntropy, ActivationKind.Sigmoid) => true,
        (LossKind.CategoricalCrossEntropy, ActivationKind.Softmax) => true,
        (LossKind.SparseCategoricalCrossEntropy, ActivationKind.Softmax) => true,
        _ => false,
    };

    /// <summary>Whether the loss is a cross-entropy declared <c>FromLogits</c>, so that it reads the outputs as logits.</summary>
    public static bool TakesLogits(NetworkModel model) =>
        model.FromLogits && model.Loss is LossKind.BinaryCrossEntropy or LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy;

    /// <summary>The loss in words, for comments and documentation.</summary>
    public static string Describe(LossKind loss) => loss switch
    {
        LossKind.MeanSquaredError => "mean squared error",
        LossKind.MeanAbsoluteError => "mean absolute error",
        LossKind.Huber => "Huber loss",
        LossKind.BinaryCrossEntropy => "binary cross-entropy",
        LossKind.CategoricalCrossEntropy => "categorical cross-entropy",
        LossKind.SparseCategoricalCrossEntropy => "sparse categorical cross-entropy",
        LossKind.Hinge => "hinge loss",
        _ => loss.ToString(),
    };

    /// <summary>Losses averaged over every output value (Keras and PyTorch "mean"), rather than summed over classes.</summary>
    public static bool IsElementwiseMean(LossKind loss) =>
        loss is not (LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy);

    /// <summary>The expression of one sample's loss; writes its gradient into <paramref name="d"/> when that is not <c>default</c>.</summary>
    public static string Expression(NetworkModel model, string z, string a, string y, string d, string scale)
    {
        string target = "(int)" + y + "[0]";
        if (TakesLogits(model))
        {
            return model.Loss switch
            {
                LossKind.BinaryCrossEntropy => $"{Losses}.BinaryCrossEntropyFromLogits({a}, {y}, {d}, {scale})",
                LossKind.CategoricalCrossEntropy => $"{Losses}.CategoricalCrossEntropyFromLogits({a}, {y}, {d}, {scale})",
                _ => $"{Losses}.SparseCategoricalCrossEntropyFromLogits({a}, {target}, {d}, {scale})",
            };
        }
        return (model.Loss, IsFused(model)) switch
        {
            (LossKind.BinaryCrossEntropy, true) => $"{Losses}.SigmoidBinaryCrossEntropy({z}, {a}, {y}, {d}, {scale})",
            (LossKind.CategoricalCrossEntropy, true) => $"{Losses}.SoftmaxCrossEntropy({z}, {a}, {y}, {d}, {scale})",
            (LossKind.SparseCategoricalCrossEntropy, true) => $"{Losses}.SoftmaxSparseCrossEntropy({z}, {a}, {target}, {d}, {scale})",
            (LossKind.SparseCategoricalCrossEntropy, false) => $"{Losses}.SparseCategoricalCrossEntropy({a}, {target}, {d}, {scale})",
            (LossKind.Huber, _) => $"{Losses}.Huber({a}, {y}, {Literals.Float(model.HuberDelta)}, {d}, {scale})",
            _ => $"{Losses}.{model.Loss}({a}, {y}, {d}, {scale})",
        };
    }
}
