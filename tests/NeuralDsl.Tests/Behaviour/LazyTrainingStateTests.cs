using System;
using NeuralDsl.Optimizers;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Behaviour;

/// <summary>R2 of the benchmarks: 784-128-64-10, ReLU, softmax with cross-entropy, Adam.</summary>
[Network(Inputs = 784, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 1e-3f)]
[Dense(128, Activation.ReLU)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class AdamMnistMlp;

/// <summary>R2 with batch normalisation, so that the state array counts too.</summary>
[Network(Inputs = 784, Loss = Loss.SparseCategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
[Dense(128, Activation.ReLU)]
[BatchNormalization]
[Dense(10, Activation.Softmax)]
public partial class NormalisedAdamMlp;

/// <summary>
/// A trainable network built only to predict holds its parameters and state, nothing more: gradients,
/// training buffers and the optimiser's state come with the first training call (or the first read of
/// <c>Gradients</c> or <c>TrainingOptimizer</c>), and the public training API behaves as before.
/// </summary>
public class LazyTrainingStateTests(ITestOutputHelper output)
{
    // The object and two array headers, with room to spare; far below any gradient or moment array.
    private const long Overhead = 512;

    [Fact]
    public void The_constructor_allocates_the_parameters_and_state_only()
    {
        Check("R2 784-128-64-10 (Adam)", () => new AdamMnistMlp(seed: 1), AdamMnistMlp.ParameterCount, AdamMnistMlp.StateCount);
        Check("784-128-BN-10 (Adam)", () => new NormalisedAdamMlp(seed: 1), NormalisedAdamMlp.ParameterCount, NormalisedAdamMlp.StateCount);
        Check("XorNet (SGD)", () => new XorNet(seed: 1), XorNet.ParameterCount, XorNet.StateCount);
    }

    private void Check(string name, Func<object> create, int parameterCount, int stateCount)
    {
        create(); // warm up: type loading and JIT allocate on the first construction
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(create());
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        long arrays = 4L * (parameterCount + stateCount);
        output.WriteLine($"{name}: constructor allocates {least:N0} bytes; parameters and state {arrays:N0} bytes");
        Assert.InRange(least, arrays, arrays + Overhead);
    }

    [Fact]
    public void Training_state_comes_with_the_first_training_call_and_behaves_as_before()
    {
        float[] inputs = new float[2 * AdamMnistMlp.InputSize], targets = [3f, 7f];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (i % 17) / 17f;

        // Setting the learning rate before any training takes effect in the optimiser created later.
        var net = new AdamMnistMlp(seed: 2);
        Assert.Equal(AdamMnistMlp.DefaultLearningRate, net.LearningRate);
        net.LearningRate = 0.01f;
        Assert.Equal(0.01f, net.LearningRate);
        Assert.All(net.Gradients.ToArray(), g => Assert.Equal(0f, g));
        net.TrainStep(inputs, targets);
        Assert.Equal(0.01f, net.TrainingOptimizer.LearningRate);

        // The same step as an explicitly built Adam at that rate.
        var twin = new AdamMnistMlp(seed: 2);
        twin.TrainingOptimizer = new Adam(AdamMnistMlp.ParameterCount, learningRate: 0.01f);
        twin.TrainStep(inputs, targets);
        Assert.Equal(twin.Parameters.ToArray(), net.Parameters.ToArray());
        Assert.Equal(twin.Gradients.ToArray(), net.Gradients.ToArray());

        // ResetParameters before any training, and reading the optimiser first, work too.
        var fresh = new AdamMnistMlp(seed: 5);
        fresh.ResetParameters(2);
        Assert.IsType<Adam>(fresh.TrainingOptimizer);
        fresh.LearningRate = 0.01f;
        fresh.TrainStep(inputs, targets);
        Assert.Equal(net.Parameters.ToArray(), fresh.Parameters.ToArray());
    }
}
