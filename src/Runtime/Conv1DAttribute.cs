namespace NeuralDsl;

/// <summary>
/// A 1-D convolution over a sequence (steps, features), like Keras' <c>Conv1D</c>: the 2-D convolution
/// with height 1, so a window of <see cref="ConvolutionAttribute.KernelSize"/> steps. Parameters:
/// kernel x input features x filters + filters.
/// </summary>
/// <example>
/// <code>
/// [Network(InputShape = [128, 3], Loss = Loss.MeanSquaredError)]   // 128 steps of 3 features
/// [Conv1D(8, 5, Activation.ReLU)]                                  // (124, 8)
/// [GlobalAveragePooling1D]                                         // (8)
/// [Dense(1)]
/// public partial class SignalNet;
/// </code>
/// </example>
public sealed class Conv1DAttribute : ConvolutionAttribute
{
    /// <summary>Creates a 1-D convolution layer.</summary>
    /// <param name="filters">Output features, at least 1.</param>
    /// <param name="kernelSize">Steps in the window, at least 1.</param>
    /// <param name="activation">Non-linearity applied to the output. Default linear.</param>
    public Conv1DAttribute(int filters, int kernelSize, Activation activation = Activation.Linear)
        : base(filters, kernelSize, activation)
    {
    }
}
