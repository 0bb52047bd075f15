namespace NeuralDsl;

/// <summary>
/// What every layer with a kernel and biases shares (<see cref="DenseAttribute"/>, the convolutions, the
/// recurrent layers): whether it has biases, the L1/L2 penalties on kernel and biases, and the biases'
/// initialiser with its arguments (the kernel's is on <see cref="KernelLayerAttribute"/>). A recurrent layer's recurrent kernel has its own
/// initialiser (<see cref="RecurrentAttribute.RecurrentInit"/>).
/// </summary>
public abstract class WeightedLayerAttribute : KernelLayerAttribute
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
