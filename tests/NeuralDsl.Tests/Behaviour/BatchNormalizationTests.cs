using System;
using NeuralDsl;

namespace NeuralDsl.Tests.Behaviour;

[Network(Inputs = 3, Loss = Loss.MeanSquaredError, Optimizer = Optimizer.Adam)]
[Dense(4, UseBias = false)]
[BatchNormalization]
[Activation(Activation.ReLU)]
[Dense(2)]
public partial class BatchNormalizedNet;

/// <summary>
/// Batch normalisation in training needs a batch variance, hence two samples at least; the values
/// themselves are compared with PyTorch in <c>PyTorchParityTests</c>.
/// </summary>
public class BatchNormalizationTests
{
    [Fact]
    public void Training_on_one_sample_throws_naming_the_layer_and_changes_nothing()
    {
        var net = new BatchNormalizedNet(seed: 1);
        var random = new SeededRandom(2);
        // State away from its reset values, and a step already taken, so that any write would show.
        for (int i = 0; i < net.State.Length; i++) net.State[i] = (float)random.NextNormal() + 2f;
        float[] inputs = [0.5f, -1f, 2f, 1f, 0.25f, -0.5f], targets = [1f, -1f, 0.5f, 0f];
        net.TrainStep(inputs, targets);
        float[] parameters = net.Parameters.ToArray(), state = net.State.ToArray(), gradients = net.Gradients.ToArray();

        float[] one = inputs[..3], oneTarget = targets[..2];
        var computed = Assert.Throws<ArgumentException>(() => net.ComputeGradients(one, oneTarget));
        Assert.Contains("BatchNormalization", computed.Message, StringComparison.Ordinal);
        Assert.Equal("inputs", computed.ParamName);
        var stepped = Assert.Throws<ArgumentException>(() => net.TrainStep(one, oneTarget));
        Assert.Contains("BatchNormalization", stepped.Message, StringComparison.Ordinal);

        Assert.Equal(parameters, net.Parameters.ToArray());
        Assert.Equal(state, net.State.ToArray());
        Assert.Equal(gradients, net.Gradients.ToArray());

        // The same step afterwards is the one an untouched network takes: the optimiser's moments were left alone too.
        var twin = new BatchNormalizedNet(seed: 1);
        random = new SeededRandom(2);
        for (int i = 0; i < twin.State.Length; i++) twin.State[i] = (float)random.NextNormal() + 2f;
        twin.TrainStep(inputs, targets);
        Assert.Equal(twin.TrainStep(inputs, targets), net.TrainStep(inputs, targets));
        Assert.Equal(twin.Parameters.ToArray(), net.Parameters.ToArray());
        Assert.Equal(twin.State.ToArray(), net.State.ToArray());
    }

    [Fact]
    public void Inference_takes_single_samples_and_leaves_the_state_alone()
    {
        var net = new BatchNormalizedNet(seed: 3);
        float[] state = net.State.ToArray();
        float[] output = new float[BatchNormalizedNet.OutputSize];
        net.Predict([0.5f, -1f, 2f], output);
        net.PredictBatch([0.5f, -1f, 2f], output);
        net.ComputeLoss([0.5f, -1f, 2f], [1f, -1f]);
        Assert.Equal(state, net.State.ToArray());
    }

    [Fact]
    public void Computing_gradients_advances_the_running_statistics_but_not_the_parameters()
    {
        var net = new BatchNormalizedNet(seed: 4);
        float[] parameters = net.Parameters.ToArray(), state = net.State.ToArray();
        Assert.Equal(new float[] { 0, 0, 0, 0, 1, 1, 1, 1 }, state);
        net.ComputeGradients([0.5f, -1f, 2f, 1f, 0.25f, -0.5f], [1f, -1f, 0.5f, 0f]);
        Assert.Equal(parameters, net.Parameters.ToArray());
        Assert.NotEqual(state, net.State.ToArray());
    }
}
