using System;

namespace NeuralDsl.Training;

/// <summary>
/// Rosenblatt's perceptron learning rule for a network of one Dense layer with the Step activation:
/// <c>w += lr (y - y_hat) x</c> and <c>b += lr (y - y_hat)</c> (when the layer has biases), one sample at a time.
/// </summary>
/// <example>
/// <code>
/// [Network(Inputs = 2)]
/// [Dense(1, Activation.Step)]
/// public partial class AndPerceptron;
///
/// var net = new AndPerceptron();
/// for (int epoch = 0; epoch &lt; 10; epoch++) PerceptronRule.Epoch(net, inputs, targets, learningRate: 0.1f);
/// </code>
/// </example>
public static class PerceptronRule
{
    /// <summary>Applies the rule to one sample; returns the number of outputs it got wrong before the update.</summary>
    public static int Step(INetwork network, ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate)
    {
        LayerInfo layer = Check(network);
        NetworkGuard.Length(input.Length, layer.Inputs, "InputSize", nameof(input));
        NetworkGuard.Length(target.Length, layer.Units, "OutputSize", nameof(target));
        Span<float> predicted = stackalloc float[layer.Units];
        network.Predict(input, predicted);
        Span<float> p = network.Parameters;
        int errors = 0;
        for (int j = 0; j < layer.Units; j++)
        {
            float error = target[j] - predicted[j];
            if (error == 0f) continue;
            errors++;
            // Weights are input-major: unit j's weight from input i is at WeightOffset + i * Units + j.
            for (int i = 0; i < layer.Inputs; i++) p[layer.WeightOffset + i * layer.Units + j] += learningRate * error * input[i];
            if (layer.UseBias) p[layer.BiasOffset + j] += learningRate * error;
        }
        return errors;
    }

    /// <summary>One pass over the samples in order; returns the number of misclassified outputs (0 means converged).</summary>
    public static int Epoch(INetwork network, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, float learningRate)
    {
        LayerInfo layer = Check(network);
        int samples = NetworkGuard.BatchSize(inputs.Length, layer.Inputs, nameof(inputs), targets.Length, layer.Units, "OutputSize", nameof(targets));
        int errors = 0;
        for (int n = 0; n < samples; n++)
            errors += Step(network, inputs.Slice(n * layer.Inputs, layer.Inputs), targets.Slice(n * layer.Units, layer.Units), learningRate);
        return errors;
    }

    private static LayerInfo Check(INetwork network)
    {
        if (network.Layers.Count != 1 || network.Layers[0].Kind != LayerKind.Dense || network.Layers[0].Activation != Activation.Step)
            throw new ArgumentException("The perceptron rule needs a network of exactly one Dense layer with Activation.Step.", nameof(network));
        return network.Layers[0];
    }
}
