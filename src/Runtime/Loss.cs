namespace NeuralDsl;

/// <summary>
/// The training objective. Every loss is averaged over the samples of a batch, as in Keras and PyTorch.
/// </summary>
/// <remarks>
/// The numeric values are part of the contract with the source generator; never renumber them.
/// </remarks>
public enum Loss
{
    /// <summary>No loss: the network is inference-only and no training members are generated.</summary>
    None = 0,

    /// <summary>Mean of <c>(a - y)^2</c> over every output of every sample.</summary>
    MeanSquaredError = 1,

    /// <summary>Mean of <c>|a - y|</c> over every output of every sample.</summary>
    MeanAbsoluteError = 2,

    /// <summary>Squared error below <see cref="NetworkAttribute.HuberDelta"/>, linear above it; mean over every output.</summary>
    Huber = 3,

    /// <summary>Binary cross-entropy on probabilities in (0, 1), targets in [0, 1]; mean over every output.</summary>
    BinaryCrossEntropy = 4,

    /// <summary>Cross-entropy against a target distribution (one-hot or soft labels); summed over classes.</summary>
    CategoricalCrossEntropy = 5,

    /// <summary>Cross-entropy against an integer class index (one target value per sample).</summary>
    SparseCategoricalCrossEntropy = 6,

    /// <summary>Mean of <c>max(0, 1 - y * a)</c> with targets in {-1, +1}.</summary>
    Hinge = 7,
}
