using System;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>Bugs found while documenting: each test failed before its fix.</summary>
public class RegressionTests
{
    [Fact]
    public void Dropout_in_an_inference_only_network_is_the_identity()
    {
        var net = new InferenceOnlyWithDropout(seed: 1);
        float[] x = [0.5f, -1f, 2f], y = new float[2];
        net.Predict(x, y);
        // Same weights without the dropout: layer 0 then layer 2 by hand (input-major weights).
        ReadOnlySpan<float> p = net.Parameters;
        float[] h = new float[4];
        for (int j = 0; j < 4; j++)
        {
            float z = p[12 + j];
            for (int i = 0; i < 3; i++) z += x[i] * p[i * 4 + j];
            h[j] = Math.Max(z, 0f);
        }
        for (int j = 0; j < 2; j++)
        {
            float z = p[16 + 8 + j];
            for (int i = 0; i < 4; i++) z += h[i] * p[16 + i * 2 + j];
            Assert.Equal(z, y[j], 5);
        }
    }

    [Fact]
    public void Linear_activation_layer_trains_on_the_same_loss_it_evaluates()
    {
        var net = new LinearActivationLayer(seed: 2);
        float[] x = [0.5f, -1f, 2f, 1f, 0f, -0.5f], y = [1f, -1f, 0.5f, 0f];
        Assert.Equal(net.ComputeLoss(x, y), net.ComputeGradients(x, y), 5);
    }

    [Fact]
    public void Perceptron_rule_works_without_biases()
    {
        var net = new PerceptronWithoutBias(seed: 3);
        float[] x = [1f, 1f, -1f, -1f, 2f, 1f, -2f, -1f], y = [1f, 0f, 1f, 0f];
        int errors = -1;
        for (int epoch = 0; epoch < 20 && errors != 0; epoch++) errors = PerceptronRule.Epoch(net, x, y, 0.1f);
        Assert.Equal(0, errors);
    }

    [Fact]
    public void A_batch_too_large_for_the_training_buffers_is_refused_clearly()
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkGuard.TrainingBufferSize(1 << 20, 1 << 12, 0));
        Assert.Contains("smaller batches", error.Message);
        Assert.Equal(10 * 7 + 3, NetworkGuard.TrainingBufferSize(10, 7, 3));
    }
}
