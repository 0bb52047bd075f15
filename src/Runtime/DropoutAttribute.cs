namespace NeuralDsl;

/// <summary>
/// Inverted dropout: in training each value is zeroed with probability <see cref="Rate"/> and the
/// survivors scaled by <c>1 / (1 - rate)</c>, so inference is the identity (Srivastava et al., 2014).
/// Masks are drawn from the network's seed, so training is reproducible.
/// </summary>
/// <example>
/// <code>
/// [Dense(128, Activation.ReLU)]
/// [Dropout(0.2f)]
/// [Dense(10, Activation.Softmax)]
/// </code>
/// </example>
public sealed class DropoutAttribute : LayerAttribute
{
    /// <summary>Creates a dropout layer.</summary>
    /// <param name="rate">Fraction of values dropped in training, in [0, 1).</param>
    public DropoutAttribute(float rate) => Rate = rate;

    /// <summary>Fraction of values dropped in training.</summary>
    public float Rate { get; }
}
