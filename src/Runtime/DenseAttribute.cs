namespace NeuralDsl;

/// <summary>
/// A fully connected layer: <c>a = activation(x W + b)</c>, with the kernel <c>W</c> of shape
/// [inputs, units] stored input-major (Keras' layout: one contiguous row of weights per input, which
/// the vectorised forward pass reads in order), then <c>b</c> (unless <see cref="WeightedLayerAttribute.UseBias"/> is false), then
/// (for PReLU only) one slope per unit.
/// </summary>
/// <example>
/// <code>
/// [Dense(32, Activation.ReLU)]                                               // He uniform, zero bias
/// [Dense(8, Activation.LeakyReLU, Alpha = 0.2f)]
/// [Dense(1, Activation.Linear, WeightInit = Init.RandomNormal, WeightStdDev = 0.01f)]
/// </code>
/// </example>
public sealed class DenseAttribute : WeightedLayerAttribute
{
    /// <summary>Creates a dense layer.</summary>
    /// <param name="units">Number of output units, at least 1.</param>
    /// <param name="activation">Non-linearity applied to the layer's output. Default linear.</param>
    public DenseAttribute(int units, Activation activation = Activation.Linear)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>Number of output units.</summary>
    public int Units { get; }

    /// <summary>Non-linearity applied to the layer's output.</summary>
    public Activation Activation { get; }

    /// <summary>
    /// Parameter of the activation: negative slope of LeakyReLU (default 0.01), scale of ELU's
    /// negative part (default 1), initial slope of PReLU (default 0.25). NaN means the default.
    /// </summary>
    public float Alpha { get; set; } = float.NaN;
}
