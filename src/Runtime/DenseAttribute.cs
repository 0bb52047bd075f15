namespace NeuralDsl;

/// <summary>
/// A fully connected layer: <c>a = activation(x W + b)</c>, with the kernel <c>W</c> of shape
/// [inputs, units] stored input-major (Keras' layout: one contiguous row of weights per input, which
/// the vectorised forward pass reads in order), then <c>b</c> (unless <see cref="UseBias"/> is false), then
/// (for PReLU only) one slope per unit.
/// </summary>
/// <example>
/// <code>
/// [Dense(32, Activation.ReLU)]                                               // He uniform, zero bias
/// [Dense(8, Activation.LeakyReLU, Alpha = 0.2f)]
/// [Dense(1, Activation.Linear, WeightInit = Init.RandomNormal, WeightStdDev = 0.01f)]
/// </code>
/// </example>
public sealed class DenseAttribute : LayerAttribute
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

    /// <summary>Whether the layer has biases. Default true; a layer followed by batch normalisation needs none.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>L1 penalty on the weights: the loss gains <c>KernelL1 * sum |w|</c>. Default 0.</summary>
    public float KernelL1 { get; set; }

    /// <summary>L2 penalty on the weights: the loss gains <c>KernelL2 * sum w^2</c> (Keras' convention). Default 0.</summary>
    public float KernelL2 { get; set; }

    /// <summary>L1 penalty on the biases. Default 0; biases are usually left unregularised.</summary>
    public float BiasL1 { get; set; }

    /// <summary>L2 penalty on the biases. Default 0.</summary>
    public float BiasL2 { get; set; }

    /// <summary>Initialiser of the weights; <see cref="Init.Default"/> chooses from the activation.</summary>
    public Init WeightInit { get; set; }

    /// <summary>Value of every weight for <see cref="Init.Constant"/>.</summary>
    public float WeightValue { get; set; }

    /// <summary>Mean for <see cref="Init.RandomNormal"/>. Default 0.</summary>
    public float WeightMean { get; set; }

    /// <summary>Standard deviation for <see cref="Init.RandomNormal"/>. Default 0.05.</summary>
    public float WeightStdDev { get; set; } = 0.05f;

    /// <summary>Lower bound for <see cref="Init.RandomUniform"/>. Default -0.05.</summary>
    public float WeightMin { get; set; } = -0.05f;

    /// <summary>Upper bound for <see cref="Init.RandomUniform"/>. Default 0.05.</summary>
    public float WeightMax { get; set; } = 0.05f;

    /// <summary>Initialiser of the biases; <see cref="Init.Default"/> means zeros.</summary>
    public Init BiasInit { get; set; }

    /// <summary>Value of every bias for <see cref="Init.Constant"/>.</summary>
    public float BiasValue { get; set; }

    /// <summary>Mean for <see cref="Init.RandomNormal"/>. Default 0.</summary>
    public float BiasMean { get; set; }

    /// <summary>Standard deviation for <see cref="Init.RandomNormal"/>. Default 0.05.</summary>
    public float BiasStdDev { get; set; } = 0.05f;

    /// <summary>Lower bound for <see cref="Init.RandomUniform"/>. Default -0.05.</summary>
    public float BiasMin { get; set; } = -0.05f;

    /// <summary>Upper bound for <see cref="Init.RandomUniform"/>. Default 0.05.</summary>
    public float BiasMax { get; set; } = 0.05f;
}
