namespace NeuralDsl;

/// <summary>
/// Batch normalisation of the previous layer's outputs (Ioffe and Szegedy, 2015): in training each
/// unit is normalised with the batch mean and variance, then scaled by a learned gamma and shifted by a
/// learned beta; running statistics, updated as Keras does
/// (<c>running = momentum * running + (1 - momentum) * batch</c>, with the unbiased batch variance),
/// replace the batch statistics at inference. The running statistics live in the network's
/// <c>State</c>, not in its trainable parameters.
/// </summary>
/// <example>
/// <code>
/// [Dense(64, UseBias = false)]
/// [BatchNormalization]
/// [Activation(Activation.ReLU)]
/// </code>
/// </example>
public sealed class BatchNormalizationAttribute : LayerAttribute
{
    /// <summary>Weight of the old value in the running statistics, in [0, 1). Default 0.99 (Keras).</summary>
    public float Momentum { get; set; } = 0.99f;

    /// <summary>Added to the variance before the square root. Default 0.001 (Keras).</summary>
    public float Epsilon { get; set; } = 1e-3f;
}
