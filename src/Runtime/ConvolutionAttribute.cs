namespace NeuralDsl;

/// <summary>
/// What <see cref="Conv2DAttribute"/> and <see cref="Conv1DAttribute"/> share: filters, a square window,
/// strides, padding, activation, initialisers and penalties, named as on <see cref="DenseAttribute"/>.
/// The kernel is stored in Keras' layout [kernel height, kernel width, input channels, filters], then the
/// biases (one per filter), then (for PReLU only) one slope per output value.
/// </summary>
public abstract class ConvolutionAttribute : LayerAttribute
{
    /// <summary>Creates a convolution layer.</summary>
    /// <param name="filters">Output channels, at least 1.</param>
    /// <param name="kernelSize">Side of the window, at least 1.</param>
    /// <param name="activation">Non-linearity applied to the output. Default linear.</param>
    private protected ConvolutionAttribute(int filters, int kernelSize, Activation activation)
    {
        Filters = filters;
        KernelSize = kernelSize;
        Activation = activation;
    }

    /// <summary>Output channels (Keras' <c>filters</c>).</summary>
    public int Filters { get; }

    /// <summary>Side of the square window (Keras' <c>kernel_size</c>).</summary>
    public int KernelSize { get; }

    /// <summary>Non-linearity applied to the output.</summary>
    public Activation Activation { get; }

    /// <summary>Step of the window along each spatial axis, at least 1. Default 1.</summary>
    public int Strides { get; set; } = 1;

    /// <summary>Border handling. Default <see cref="NeuralDsl.Padding.Valid"/>, as in Keras.</summary>
    public Padding Padding { get; set; }

    /// <summary>Parameter of the activation, as on <see cref="DenseAttribute.Alpha"/>. NaN means the default.</summary>
    public float Alpha { get; set; } = float.NaN;

    /// <summary>Whether the layer has biases (one per filter). Default true.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>L1 penalty on the kernel. Default 0.</summary>
    public float KernelL1 { get; set; }

    /// <summary>L2 penalty on the kernel (Keras' convention: <c>KernelL2 * sum w^2</c>). Default 0.</summary>
    public float KernelL2 { get; set; }

    /// <summary>L1 penalty on the biases. Default 0.</summary>
    public float BiasL1 { get; set; }

    /// <summary>L2 penalty on the biases. Default 0.</summary>
    public float BiasL2 { get; set; }

    /// <summary>
    /// Initialiser of the kernel; <see cref="Init.Default"/> chooses from the activation. Glorot and He use
    /// Keras' fans: fan-in = kernel area x input channels, fan-out = kernel area x filters.
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
