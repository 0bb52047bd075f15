using System;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>After construction, inference and training allocate nothing, whatever the layer sizes.</summary>
public class AllocationTests
{
    private const int Calls = 1000;

    // Runtime machinery (tiered JIT promotion, type loading) can allocate on the calling thread during
    // the first hundreds of calls. A real per-call allocation shows in every round of 1000 calls, so
    // the least of three rounds after a long warm-up is 0 exactly when the code itself allocates nothing.
    internal static long AllocatedBy(Action action)
    {
        for (int i = 0; i < 300; i++) action();
        long least = long.MaxValue;
        for (int round = 0; round < 3 && least > 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Calls; i++) action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }

    [Fact]
    public void Unrolled_network_allocates_nothing()
    {
        var net = new XorNet();
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1], targets = [0, 1, 1, 0], outputs = new float[4];
        Assert.Equal(0, AllocatedBy(() => net.Predict(inputs.AsSpan(0, 2), outputs.AsSpan(0, 1))));
        Assert.Equal(0, AllocatedBy(() => net.PredictBatch(inputs, outputs)));
        Assert.Equal(0, AllocatedBy(() => net.ComputeLoss(inputs, targets)));
        Assert.Equal(0, AllocatedBy(() => net.ComputeGradients(inputs, targets)));
        Assert.Equal(0, AllocatedBy(() => net.TrainStep(inputs, targets)));
    }

    [Fact]
    public void Looped_network_allocates_nothing()
    {
        var net = new MnistMlp();
        float[] inputs = new float[8 * MnistMlp.InputSize], targets = new float[8], outputs = new float[8 * MnistMlp.OutputSize];
        var random = new SeededRandom(1);
        for (int i = 0; i < inputs.Length; i++) inputs[i] = random.NextSingle();
        for (int i = 0; i < targets.Length; i++) targets[i] = random.NextInt(10);
        Assert.Equal(0, AllocatedBy(() => net.Predict(inputs.AsSpan(0, MnistMlp.InputSize), outputs.AsSpan(0, MnistMlp.OutputSize))));
        Assert.Equal(0, AllocatedBy(() => net.PredictBatch(inputs, outputs)));
        Assert.Equal(0, AllocatedBy(() => net.ComputeLoss(inputs, targets)));
        Assert.Equal(0, AllocatedBy(() => net.TrainStep(inputs, targets)));
    }

    [Fact]
    public void Rented_hidden_buffer_allocates_nothing_after_the_first_call()
    {
        var net = new VeryWideNet();
        float[] input = [0.5f, -1f], output = new float[1];
        Assert.Equal(0, AllocatedBy(() => net.Predict(input, output)));
    }
}
