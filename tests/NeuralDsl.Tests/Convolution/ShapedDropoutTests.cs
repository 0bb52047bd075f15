using System;
using System.Collections.Generic;
using System.Linq;
using NeuralDsl;

namespace NeuralDsl.Tests.Convolution;

/// <summary>Dropout as the last layer after a 2-D convolution, so that the training outputs show its mask over an image.</summary>
[Network(InputShape = [6, 6, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(8, 3)]                 // (4, 4, 8)
[Dropout(0.3f)]
public partial class Conv2DDropoutNet;

/// <summary>Dropout after a 1-D convolution: a sequence of 6 steps of 10 features.</summary>
[Network(InputShape = [8, 3], Loss = Loss.MeanSquaredError)]
[Conv1D(10, 3)]                // (6, 10)
[Dropout(0.3f)]
public partial class Conv1DDropoutNet;

/// <summary>Dropout after pooling.</summary>
[Network(InputShape = [8, 8, 2], Loss = Loss.MeanSquaredError)]
[Conv2D(8, 3, Padding = Padding.Same)]
[MaxPool2D(2)]                 // (4, 4, 8)
[Dropout(0.3f)]
public partial class PooledDropoutNet;

/// <summary>Dropout on the input sequence itself, then a convolution that reads it: the mask must reach the convolution's input.</summary>
[Network(InputShape = [6, 4], Loss = Loss.MeanSquaredError)]
[Dropout(0.3f)]
[Conv1D(2, 1, UseBias = false)] // (6, 2), a 1-step window: each output step reads one input step
public partial class SequenceDropoutNet;

/// <summary>
/// Dropout on images and sequences is element-wise like on vectors: in training a fraction close to the
/// rate of the values is zeroed and the rest scaled by 1 / (1 - rate), each value of the shaped output on
/// its own; inference is the identity.
/// </summary>
public class ShapedDropoutTests
{
    private const float Rate = 0.3f;
    private const int Batch = 40;

    private static readonly IReadOnlyDictionary<string, Func<int, ITrainableNetwork>> Networks =
        new Dictionary<string, Func<int, ITrainableNetwork>>
        {
            ["Conv2DDropoutNet"] = seed => new Conv2DDropoutNet(seed),
            ["Conv1DDropoutNet"] = seed => new Conv1DDropoutNet(seed),
            ["PooledDropoutNet"] = seed => new PooledDropoutNet(seed),
        };

    public static IEnumerable<object[]> Names => Networks.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Names))]
    public void Training_drops_a_fraction_close_to_the_rate_and_scales_the_rest_of_the_inference_values(string name)
    {
        ITrainableNetwork net = Networks[name](1);
        (float[] inputs, float[] targets) = RandomBatch(net, seed: 2);
        float[] inference = new float[Batch * net.OutputSize];
        net.PredictBatch(inputs, inference);
        Assert.DoesNotContain(0f, inference);
        float[] single = new float[net.OutputSize];
        net.Predict(inputs.AsSpan(0, net.InputSize), single);
        Assert.Equal(inference.AsSpan(0, net.OutputSize).ToArray(), single);

        const int Calls = 5;
        long zeroed = 0, total = 0;
        for (int call = 0; call < Calls; call++)
        {
            net.ComputeGradients(inputs, targets);
            ReadOnlySpan<float> training = net.TrainingOutputs;
            for (int i = 0; i < training.Length; i++)
            {
                total++;
                if (training[i] == 0f) zeroed++;
                else AssertScaled(inference[i], training[i]);
            }
        }

        // Binomial(total, rate): within 5 standard deviations unless the mask is not element-wise at the rate.
        double fraction = (double)zeroed / total, sigma = Math.Sqrt(Rate * (1 - Rate) / total);
        Assert.True(Math.Abs(fraction - Rate) <= 5 * sigma, $"{name}: {zeroed} of {total} values zeroed ({fraction:F4}); expected {Rate} +- {5 * sigma:F4}.");
    }

    [Fact]
    public void Dropout_on_an_input_sequence_zeroes_whole_input_values_before_the_convolution()
    {
        // A 1-step identity convolution: output (t, o) = input (t, o) for o < 2, so the training outputs
        // show the mask on the input's first two features, each value dropped on its own.
        var net = new SequenceDropoutNet(seed: 3);
        Span<float> kernel = net.Parameters; // [1, 1, 4, 2]
        kernel.Clear();
        kernel[0 * 2 + 0] = 1f;
        kernel[1 * 2 + 1] = 1f;
        (float[] inputs, float[] targets) = RandomBatch(net, seed: 4);
        float[] inference = new float[Batch * SequenceDropoutNet.OutputSize];
        net.PredictBatch(inputs, inference);
        for (int n = 0; n < Batch; n++)
            for (int t = 0; t < 6; t++)
                for (int o = 0; o < 2; o++)
                    Assert.Equal(inputs[n * 24 + t * 4 + o], inference[n * 12 + t * 2 + o]);

        net.ComputeGradients(inputs, targets);
        ReadOnlySpan<float> training = net.TrainingOutputs;
        int zeroed = 0;
        for (int i = 0; i < training.Length; i++)
        {
            if (training[i] == 0f) zeroed++;
            else AssertScaled(inference[i], training[i]);
        }
        Assert.InRange(zeroed, 1, training.Length - 1);
    }

    // The training pass may sum a convolution in another order than PredictBatch: equal up to rounding.
    private static void AssertScaled(float inference, float training)
    {
        double expected = inference / (1.0 - Rate);
        Assert.True(Math.Abs(training - expected) <= 1e-5 * Math.Abs(expected), $"kept value {training}, expected {expected} (inference {inference} / (1 - {Rate}))");
    }

    private static (float[] Inputs, float[] Targets) RandomBatch(ITrainableNetwork net, int seed)
    {
        var random = new SeededRandom(seed);
        float[] inputs = new float[Batch * net.InputSize], targets = new float[Batch * net.TargetSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = 0.5f + random.NextSingle(); // positive: a ReLU-free convolution gives no exact zeros
        for (int i = 0; i < targets.Length; i++) targets[i] = random.NextSingle();
        return (inputs, targets);
    }
}
