using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>After construction, inference and training allocate nothing, whatever the layer sizes.</summary>
public class AllocationTests
{
    [Fact]
    public void Unrolled_network_allocates_nothing()
    {
        var net = new XorNet();
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1], targets = [0, 1, 1, 0], outputs = new float[4];
        Assert.Equal(0, Allocations.PerRound(() => net.Predict(inputs.AsSpan(0, 2), outputs.AsSpan(0, 1))));
        Assert.Equal(0, Allocations.PerRound(() => net.PredictBatch(inputs, outputs)));
        Assert.Equal(0, Allocations.PerRound(() => net.ComputeLoss(inputs, targets)));
        Assert.Equal(0, Allocations.PerRound(() => net.ComputeGradients(inputs, targets)));
        Assert.Equal(0, Allocations.PerRound(() => net.TrainStep(inputs, targets)));
    }

    [Fact]
    public void Looped_network_allocates_nothing()
    {
        var net = new MnistMlp();
        float[] inputs = new float[8 * MnistMlp.InputSize], targets = new float[8], outputs = new float[8 * MnistMlp.OutputSize];
        var random = new SeededRandom(1);
        for (int i = 0; i < inputs.Length; i++) inputs[i] = random.NextSingle();
        for (int i = 0; i < targets.Length; i++) targets[i] = random.NextInt(10);
        Assert.Equal(0, Allocations.PerRound(() => net.Predict(inputs.AsSpan(0, MnistMlp.InputSize), outputs.AsSpan(0, MnistMlp.OutputSize))));
        Assert.Equal(0, Allocations.PerRound(() => net.PredictBatch(inputs, outputs)));
        Assert.Equal(0, Allocations.PerRound(() => net.ComputeLoss(inputs, targets)));
        Assert.Equal(0, Allocations.PerRound(() => net.TrainStep(inputs, targets)));
    }

    [Fact]
    public void Rented_hidden_buffer_allocates_nothing_after_the_first_call()
    {
        var net = new VeryWideNet();
        float[] input = [0.5f, -1f], output = new float[1];
        Assert.Equal(0, Allocations.PerRound(() => net.Predict(input, output)));
    }
}
