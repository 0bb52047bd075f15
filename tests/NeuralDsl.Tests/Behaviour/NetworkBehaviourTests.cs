using System;
using System.Linq;
using System.Threading.Tasks;

namespace NeuralDsl.Tests.Behaviour;

public class NetworkBehaviourTests
{
    [Fact]
    public void Parameter_count_is_what_the_course_computes_by_hand()
    {
        Assert.Equal((2 * 4 + 4) + (4 * 1 + 1), XorNet.ParameterCount);
        Assert.Equal((784 * 128 + 128) + (128 * 64 + 64) + (64 * 10 + 10), MnistMlp.ParameterCount);
        Assert.Equal(2 * 1 + 1, Perceptron.ParameterCount);
        Assert.Equal(MnistMlp.ParameterCount, new MnistMlp().Parameters.Length);
        Assert.Equal(MnistMlp.ParameterCount, MnistMlp.Layers.Sum(l => l.ParameterCount));
    }

    [Fact]
    public void Same_seed_gives_same_weights_and_different_seeds_differ()
    {
        float[] a = new MnistMlp(seed: 7).Parameters.ToArray();
        Assert.Equal(a, new MnistMlp(seed: 7).Parameters.ToArray());
        Assert.NotEqual(a, new MnistMlp(seed: 8).Parameters.ToArray());
        var reset = new MnistMlp(seed: 1);
        reset.ResetParameters(7);
        Assert.Equal(a, reset.Parameters.ToArray());
        Assert.Equal(new XorNet(XorNet.DefaultSeed).Parameters.ToArray(), new XorNet().Parameters.ToArray());
    }

    [Fact]
    public void Predict_on_one_instance_is_safe_from_many_threads()
    {
        var net = new MnistMlp(seed: 3);
        const int Samples = 64;
        float[] inputs = new float[Samples * MnistMlp.InputSize];
        var random = new SeededRandom(5);
        for (int i = 0; i < inputs.Length; i++) inputs[i] = random.NextSingle();
        // One thread's Predict is the reference. (PredictBatch sums in another order on the Vector256
        // path that net8.0 takes, so it need not agree to the bit.)
        float[] expected = new float[Samples * MnistMlp.OutputSize];
        for (int n = 0; n < Samples; n++)
            net.Predict(inputs.AsSpan(n * MnistMlp.InputSize, MnistMlp.InputSize), expected.AsSpan(n * MnistMlp.OutputSize, MnistMlp.OutputSize));

        float[] actual = new float[expected.Length];
        Parallel.For(0, Samples * 50, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            int n = k % Samples;
            Span<float> output = stackalloc float[MnistMlp.OutputSize];
            net.Predict(inputs.AsSpan(n * MnistMlp.InputSize, MnistMlp.InputSize), output);
            if (k < Samples) output.CopyTo(actual.AsSpan(n * MnistMlp.OutputSize));
            else Assert.True(output.SequenceEqual(expected.AsSpan(n * MnistMlp.OutputSize, MnistMlp.OutputSize)));
        });
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Train_step_is_compute_gradients_then_plain_sgd()
    {
        var net = new XorNet(seed: 2);
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1], targets = [0, 1, 1, 0];
        float[] before = net.Parameters.ToArray();
        float lossFromGradients = net.ComputeGradients(inputs, targets);
        float[] gradient = net.Gradients.ToArray();
        Assert.Equal(before, net.Parameters.ToArray());

        net.LearningRate = 0.25f;
        float loss = net.TrainStep(inputs, targets);
        Assert.Equal(lossFromGradients, loss);
        float[] after = net.Parameters.ToArray();
        for (int i = 0; i < before.Length; i++) Assert.Equal(before[i] - 0.25f * gradient[i], after[i], 6);
    }

    [Fact]
    public void Xor_trains_to_full_accuracy_from_a_fixed_seed()
    {
        var net = new XorNet(seed: 1);
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1], targets = [0, 1, 1, 0], outputs = new float[4];
        float first = net.ComputeLoss(inputs, targets);
        for (int epoch = 0; epoch < 2000; epoch++) net.TrainStep(inputs, targets);
        net.PredictBatch(inputs, outputs);
        Assert.Equal(targets, outputs.Select(o => o >= 0.5f ? 1f : 0f).ToArray());
        Assert.True(net.ComputeLoss(inputs, targets) < first / 10);
    }

    [Fact]
    public void Step_perceptron_computes_and_with_hand_set_weights()
    {
        var net = new Perceptron();
        float[] andGate = [1, 1, -1.5f];
        andGate.CopyTo(net.Parameters);
        float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1], outputs = new float[4];
        net.PredictBatch(inputs, outputs);
        Assert.Equal([0f, 0f, 0f, 1f], outputs);
    }

    [Fact]
    public void Layer_table_describes_the_declaration()
    {
        LayerInfo first = MnistMlp.Layers[0], last = MnistMlp.Layers[^1];
        Assert.Equal(new LayerInfo(LayerKind.Dense, 784, 128, Activation.ReLU, 0f, 0, 784 * 128 + 128), first);
        Assert.Equal(MnistMlp.Layer2WeightOffset, last.WeightOffset);
        Assert.Equal(MnistMlp.Layer2BiasOffset, last.BiasOffset);
        Assert.Equal(Activation.Softmax, last.Activation);
    }
}
