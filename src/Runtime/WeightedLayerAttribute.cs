namespace NeuralDsl;

/// <summary>
/// What every layer with a kernel and biases shares (<see cref="DenseAttribute"/>, the convolutions, the
/// recurrent layers): whether it has biases, the L1/L2 penalties on kernel and biases, and the
/// initialisers of both with their arguments. A recurrent layer's recurrent kernel has its own
/// initialiser (<see cref="RecurrentAttribute.RecurrentInit"/>).
/// </summary>
public abstract class WeightedLayerAttribute : LayerAttribute
{
    private protected WeightedLayerAttribute()
    {
    }

    /// <summary>Whether the layer has biases. Default true; a layer followed by batch normalisation needs none.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>L1 penalty on the kernel: the loss gains <c>KernelL1 * sum |w|</c>. Default 0.</summary>
    public float KernelL1 { get; set; }

    /// <summary>L2 penalty on the kernel: the loss gains <c>KernelL2 * sum w^2</c> (Keras' convention). Default 0.</summary>
    public float KernelL2 { get; set; }

    /// <summary>L1 penalty on the biases. Default 0; biases are usually left unregularised.</summary>
    public float BiasL1 { get; set; }

    /// <summary>L2 penalty on the biases. Default 0.</summary>
    public float BiasL2 { get; set; }

    /// <summary>
    /// Initialiser of the kernel; <see cref="Init.Default"/> chooses from the activation (Glorot uniform for
    /// the recurrent layers, as Keras). Glorot and He read the layer's fans: inputs and units for a dense
    /// layer, window area times channels for a convolution, inputs and gates times units for a recurrent layer.
    /// </summary>
    public Init WeightInit { get; set; }

    /// <summary>Value of every kernel weight for <see cref="Init.Constant"/>.</summary>
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
