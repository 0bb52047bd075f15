namespace NeuralDsl;

/// <summary>
/// Applies an activation on its own, as Keras' <c>Activation</c> layer: typically after
/// <see cref="BatchNormalizationAttribute"/>, so that normalisation sits between a linear Dense layer
/// and its non-linearity.
/// </summary>
public sealed class ActivationAttribute : LayerAttribute
{
    /// <summary>Creates an activation layer.</summary>
    /// <param name="activation">The activation to apply.</param>
    public ActivationAttribute(Activation activation) => Activation = activation;

    /// <summary>The activation to apply.</summary>
    public Activation Activation { get; }

    /// <summary>Parameter of the activation (see <see cref="DenseAttribute.Alpha"/>). NaN means the default.</summary>
    public float Alpha { get; set; } = float.NaN;
}
