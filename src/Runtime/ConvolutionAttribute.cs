namespace NeuralDsl;

/// <summary>
/// What <see cref="Conv2DAttribute"/> and <see cref="Conv1DAttribute"/> share: filters, a square window,
/// strides, padding and activation; biases, initialisers and penalties as on every <see cref="WeightedLayerAttribute"/>.
/// The kernel is stored in Keras' layout [kernel height, kernel width, input channels, filters], then the
/// biases (one per filter), then (for PReLU only) one slope per output value.
/// </summary>
public abstract class ConvolutionAttribute : WeightedLayerAttribute
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
}
