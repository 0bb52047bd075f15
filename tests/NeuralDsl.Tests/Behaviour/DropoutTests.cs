using System;
using System.Linq;
using NeuralDsl;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>Dropout as the last layer, so that <see cref="ITrainableNetwork.TrainingOutputs"/> shows its masks: 4 x 50 weights, unrolled in both passes.</summary>
[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(50)]
[Dropout(0.3f)]
public partial class DropoutMaskNet;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(8, Activation.Tanh)]
[Dropout(0.5f)]
[Dense(2)]
public partial class DropoutHiddenNet;

/// <summary><see cref="DropoutHiddenNet"/> without its dropout: the same parameters, laid out the same way.</summary>
[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(8, Activation.Tanh)]
[Dense(2)]
public partial class DropoutFreeNet;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
[Dense(50)]
[Dropout(0f)]
public partial class DropoutRateZeroNet;

/// <summary>
/// Inverted dropout: in training a fraction <c>rate</c> of values is zeroed and the rest scaled by
/// <c>1 / (1 - rate)</c>, with masks drawn from the network's seed; inference is the identity.
/// </summary>
public class DropoutTests
{
    private const float Rate = 0.3f;
    private const int Batch = 200;

    [Fact]
    public void Training_zeroes_a_fraction_of_values_close_to_the_rate()
    {
        var net = new DropoutMaskNet(seed: 1);
        (float[] inputs, float[] targets) = RandomBatch(net, Batch, seed: 2);
        float[] kept = new float[Batch * DropoutMaskNet.OutputSize];
        net.PredictBatch(inputs, kept);
        Assert.DoesNotContain(0f, kept);

        const int Calls = 10;
        long zeroed = 0, total = 0;
        for (int call = 0; call < Calls; call++)
        {
            net.ComputeGradients(inputs, targets);
            foreach (float value in net.TrainingOutputs)
            {
                if (value == 0f) zeroed++;
                total++;
            }
        }

        // The count of zeroed values is binomial(total, rate): within 5 standard deviations of the
        // mean unless the generator or the comparison with the rate is wrong (odds about 1 in 3.5 million).
        double fraction = (double)zeroed / total;
        double sigma = Math.Sqrt(Rate * (1 - Rate) / total);
        Assert.True(Math.Abs(fraction - Rate) <= 5 * sigma,
            $"{zeroed} of {total} values zeroed ({fraction:F4}); expected {Rate} +- {5 * sigma:F4} (5 sigma).");
    }

    [Fact]
    public void Kept_values_are_scaled_by_exactly_one_over_one_minus_the_rate()
    {
        var net = new DropoutMaskNet(seed: 3);
        (float[] inputs, float[] targets) = RandomBatch(net, Batch, seed: 4);
        float[] inference = new float[Batch * DropoutMaskNet.OutputSize];
        net.PredictBatch(inputs, inference);

        net.ComputeGradients(inputs, targets);
        float[] training = net.TrainingOutputs.ToArray();
        Assert.Equal(inference.Length, training.Length);
        float scale = 1f / (1f - Rate);
        int kept = 0;
        for (int i = 0; i < training.Length; i++)
        {
            if (training[i] == 0f) continue;
            Assert.Equal(inference[i] * scale, training[i]);
            kept++;
        }
        Assert.InRange(kept, 1, training.Length - 1);
    }

    [Fact]
    public void The_gradient_flows_through_the_kept_values_only_scaled_like_them()
    {
        var net = new DropoutMaskNet(seed: 5);
        (float[] inputs, float[] targets) = RandomBatch(net, Batch, seed: 6);

        float loss = net.ComputeGradients(inputs, targets);
        ReadOnlySpan<float> y = net.TrainingOutputs;

        // Mean squared error of y = mask * (W x + b): dL/db_j = sum_n 2 (y - t) mask / (N J), with the
        // mask read back from the training outputs (0 where a value was dropped).
        const int Units = DropoutMaskNet.OutputSize;
        float scale = 1f / (1f - Rate);
        double expectedLoss = 0;
        double[] biasGradient = new double[Units];
        for (int n = 0; n < Batch; n++)
        {
            for (int j = 0; j < Units; j++)
            {
                int k = n * Units + j;
                double mask = y[k] == 0f ? 0 : scale;
                double error = y[k] - (double)targets[k];
                expectedLoss += error * error;
                biasGradient[j] += 2 * error * mask;
            }
        }
        Assert.Equal(expectedLoss / (Batch * Units), loss, 1e-5 * expectedLoss / (Batch * Units));
        ReadOnlySpan<float> gradient = net.Gradients.Slice(DropoutMaskNet.Layer0BiasOffset, Units);
        double largest = biasGradient.Max(Math.Abs) / (Batch * Units);
        for (int j = 0; j < Units; j++)
            Assert.Equal(biasGradient[j] / (Batch * Units), gradient[j], 1e-5 * largest);
    }

    [Fact]
    public void Inference_is_the_identity()
    {
        var withDropout = new DropoutHiddenNet(seed: 7);
        var without = new DropoutFreeNet(seed: 8);
        Assert.Equal(DropoutHiddenNet.ParameterCount, DropoutFreeNet.ParameterCount);
        withDropout.Parameters.CopyTo(without.Parameters);
        (float[] inputs, float[] targets) = RandomBatch(withDropout, 20, seed: 9);

        float[] expected = new float[20 * DropoutFreeNet.OutputSize], actual = new float[expected.Length];
        without.PredictBatch(inputs, expected);
        withDropout.PredictBatch(inputs, actual);
        Assert.Equal(expected, actual);
        for (int n = 0; n < 20; n++)
            withDropout.Predict(inputs.AsSpan(n * DropoutHiddenNet.InputSize, DropoutHiddenNet.InputSize), actual.AsSpan(n * DropoutHiddenNet.OutputSize, DropoutHiddenNet.OutputSize));
        Assert.Equal(expected, actual);
        Assert.Equal(without.ComputeLoss(inputs, targets), withDropout.ComputeLoss(inputs, targets));

        // Training is not: its outputs differ from the inference outputs.
        withDropout.ComputeGradients(inputs, targets);
        Assert.NotEqual(expected, withDropout.TrainingOutputs.ToArray());
    }

    [Fact]
    public void Rate_zero_keeps_every_value_in_training_too()
    {
        var net = new DropoutRateZeroNet(seed: 10);
        (float[] inputs, float[] targets) = RandomBatch(net, Batch, seed: 11);
        float[] inference = new float[Batch * DropoutRateZeroNet.OutputSize];
        net.PredictBatch(inputs, inference);
        net.ComputeGradients(inputs, targets);
        Assert.Equal(inference, net.TrainingOutputs.ToArray());
    }

    [Fact]
    public void Training_outputs_are_what_the_training_loss_saw()
    {
        var net = new DropoutHiddenNet(seed: 12);
        (float[] inputs, float[] targets) = RandomBatch(net, 30, seed: 13);
        float loss = net.ComputeGradients(inputs, targets);
        ReadOnlySpan<float> outputs = net.TrainingOutputs;
        Assert.Equal(targets.Length, outputs.Length);
        double sum = 0;
        for (int i = 0; i < outputs.Length; i++) sum += (outputs[i] - (double)targets[i]) * (outputs[i] - (double)targets[i]);
        Assert.Equal(sum / outputs.Length, loss, 1e-6 * sum / outputs.Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_masks_and_trajectory_and_another_seed_does_not()
    {
        (float[] inputs, float[] targets) = RandomBatch(new DropoutHiddenNet(), 16, seed: 14);
        var first = new DropoutHiddenNet(seed: 15);
        var second = new DropoutHiddenNet(seed: 15);
        for (int step = 0; step < 5; step++)
        {
            Assert.Equal(first.TrainStep(inputs, targets), second.TrainStep(inputs, targets));
            Assert.Equal(first.TrainingOutputs.ToArray(), second.TrainingOutputs.ToArray());
        }
        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());

        // ResetParameters restarts the masks with the weights.
        first.ResetParameters(15);
        first.ComputeGradients(inputs, targets);
        float[] restarted = first.TrainingOutputs.ToArray();
        var fresh = new DropoutHiddenNet(seed: 15);
        fresh.ComputeGradients(inputs, targets);
        Assert.Equal(fresh.TrainingOutputs.ToArray(), restarted);

        // Successive batches draw new masks.
        fresh.ComputeGradients(inputs, targets);
        Assert.NotEqual(restarted, fresh.TrainingOutputs.ToArray());

        // Another seed draws other masks, even from the same weights.
        var other = new DropoutHiddenNet(seed: 16);
        new DropoutHiddenNet(seed: 15).Parameters.CopyTo(other.Parameters);
        other.ComputeGradients(inputs, targets);
        Assert.NotEqual(restarted, other.TrainingOutputs.ToArray());
    }

    private static (float[] Inputs, float[] Targets) RandomBatch(ITrainableNetwork net, int batch, int seed)
    {
        var random = new SeededRandom(seed);
        float[] inputs = new float[batch * net.InputSize], targets = new float[batch * net.TargetSize];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)random.NextNormal();
        for (int i = 0; i < targets.Length; i++) targets[i] = (float)random.NextNormal();
        return (inputs, targets);
    }
}
