namespace NeuralDsl;

/// <summary>
/// A 2-D convolution over an image (height, width, channels), like Keras' <c>Conv2D</c>: each of
/// <see cref="ConvolutionAttribute.Filters"/> output channels is a weighted sum over a
/// <see cref="ConvolutionAttribute.KernelSize"/> x <see cref="ConvolutionAttribute.KernelSize"/> window of
/// every input channel, plus a bias. Parameters: kernel² x input channels x filters + filters.
/// </summary>
/// <example>
/// <code>
/// [Network(InputShape = [28, 28, 1], Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
/// [Conv2D(16, 3, Activation.ReLU, Padding = Padding.Same)]   // (28, 28, 16)
/// [MaxPool2D(2)]                                              // (14, 14, 16)
/// [Flatten]                                                   // (3136)
/// [Dense(10, Activation.Softmax)]
/// public partial class SmallCnn;
/// </code>
/// </example>
public sealed class Conv2DAttribute : ConvolutionAttribute
{
    /// <summary>Creates a 2-D convolution layer.</summary>
    /// <param name="filters">Output channels, at least 1.</param>
    /// <param name="kernelSize">Side of the square window, at least 1.</param>
    /// <param name="activation">Non-linearity applied to the output. Default linear.</param>
    public Conv2DAttribute(int filters, int kernelSize, Activation activation = Activation.Linear)
        : base(filters, kernelSize, activation)
    {
    }
}
