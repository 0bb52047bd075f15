using System;
using System.Globalization;
using NeuralDsl.Reports;

namespace NeuralDsl;

/// <summary>
/// Conveniences on any generated network: an allocating <c>Predict</c>, the predicted class of a sample
/// or a batch, and the Keras-style <see cref="Summary"/>.
/// </summary>
public static class NetworkExtensions
{
    /// <summary>The Keras-style table of the network's layers and parameter counts (<see cref="NetworkSummary"/>).</summary>
    public static NetworkSummary Summary(this INetwork network) => NetworkSummary.Create(network);

    /// <summary>Runs one sample forward into a new array of <see cref="IPredictor.OutputSize"/> values. Allocates the result; use <see cref="IPredictor.Predict"/> with your own buffer in hot loops.</summary>
    public static float[] Predict(this IPredictor network, ReadOnlySpan<float> input)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        float[] output = new float[network.OutputSize];
        network.Predict(input, output);
        return output;
    }

    /// <summary>
    /// The predicted class of one sample. With several outputs, the index of the largest (the first one
    /// on ties). With a single output, a binary decision: 1 when the output is at least 0.5 (a sigmoid
    /// probability), or at least 0 when the network is trainable and its outputs are logits
    /// (<see cref="ITrainableNetwork.FromLogits"/>) or its loss is <see cref="Loss.Hinge"/>; otherwise 0.
    /// </summary>
    public static int PredictClass(this IPredictor network, ReadOnlySpan<float> input)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        Span<float> output = network.OutputSize <= 256 ? stackalloc float[network.OutputSize] : new float[network.OutputSize];
        network.Predict(input, output);
        return ClassOf(output, Threshold(network));
    }

    /// <summary>
    /// The predicted class of each sample of a batch (<paramref name="inputs"/> row-major, one row of
    /// <see cref="IPredictor.InputSize"/> features per sample), by the rule of <see cref="PredictClass"/>.
    /// </summary>
    public static int[] PredictClasses(this IPredictor network, ReadOnlySpan<float> inputs)
    {
        if (network is null) throw new ArgumentNullException(nameof(network));
        if (inputs.Length == 0 || inputs.Length % network.InputSize != 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{inputs.Length} inputs are not a positive whole number of samples of {network.InputSize} features (InputSize)."), nameof(inputs));
        int samples = inputs.Length / network.InputSize;
        float[] outputs = new float[samples * network.OutputSize];
        network.PredictBatch(inputs, outputs);
        float threshold = Threshold(network);
        int[] classes = new int[samples];
        for (int n = 0; n < samples; n++) classes[n] = ClassOf(outputs.AsSpan(n * network.OutputSize, network.OutputSize), threshold);
        return classes;
    }

    private static float Threshold(IPredictor network) =>
        network is ITrainableNetwork trainable && (trainable.FromLogits || trainable.Loss == Loss.Hinge) ? 0f : 0.5f;

    private static int ClassOf(ReadOnlySpan<float> output, float threshold) =>
        output.Length == 1 ? (output[0] >= threshold ? 1 : 0) : Training.Metrics.ArgMax(output);
}
