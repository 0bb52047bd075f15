using System;
using System.Linq;
using NeuralDsl;
using NeuralDsl.Data;
using NeuralDsl.Training;

namespace NeuralDsl.Tests.Behaviour;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy, FromLogits = true)]
[Dense(4, Activation.Tanh)]
[Dense(2)]
public partial class LogitsBinaryNet;

[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
[Dense(4, Activation.Tanh)]
[Dense(2, Activation.Sigmoid)]
public partial class SigmoidBinaryNet;

[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy, FromLogits = true)]
[Dense(4, Activation.ReLU)]
[Dense(3)]
public partial class LogitsCategoricalNet;

[Network(Inputs = 3, Loss = Loss.CategoricalCrossEntropy)]
[Dense(4, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class SoftmaxCategoricalNet;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy, FromLogits = true)]
[Dense(4, Activation.ReLU)]
[Dense(3)]
public partial class LogitsSparseNet;

[Network(Inputs = 3, Loss = Loss.SparseCategoricalCrossEntropy)]
[Dense(4, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
public partial class SoftmaxSparseNet;

/// <summary>
/// A cross-entropy declared <c>FromLogits</c> on a linear output is the same training objective as the
/// fused sigmoid or softmax output: equal losses and gradients for equal parameters. Only the outputs
/// differ (logits instead of probabilities), and binary accuracy then thresholds them at 0.
/// </summary>
public class FromLogitsTests
{
    private static readonly float[] Inputs = [0.5f, -1f, 2f, 1.5f, 0.2f, -0.3f, -2f, 1f, 0.7f, 0f, 0f, 1f];

    [Fact]
    public void Networks_report_whether_they_take_logits()
    {
        Assert.True(((ITrainableNetwork)new LogitsBinaryNet()).FromLogits);
        Assert.True(((ITrainableNetwork)new LogitsSparseNet()).FromLogits);
        Assert.False(((ITrainableNetwork)new SigmoidBinaryNet()).FromLogits);
    }

    [Fact]
    public void Binary_cross_entropy_from_logits_matches_the_sigmoid_output() =>
        AssertSameObjective(new LogitsBinaryNet(seed: 3), new SigmoidBinaryNet(seed: 3), [1f, 0f, 0.3f, 1f, 0f, 0f, 1f, 0.5f], Sigmoid);

    [Fact]
    public void Categorical_cross_entropy_from_logits_matches_the_softmax_output() =>
        AssertSameObjective(new LogitsCategoricalNet(seed: 4), new SoftmaxCategoricalNet(seed: 4), [1, 0, 0, 0, 0, 1, 0.5f, 0.5f, 0, 0, 1, 0], Softmax);

    [Fact]
    public void Sparse_cross_entropy_from_logits_matches_the_softmax_output() =>
        AssertSameObjective(new LogitsSparseNet(seed: 5), new SoftmaxSparseNet(seed: 5), [0, 2, 1, 2], Softmax);

    [Fact]
    public void Binary_accuracy_thresholds_logits_at_zero()
    {
        var logits = new LogitsBinaryNet(seed: 7);
        var sigmoid = new SigmoidBinaryNet(seed: 7);
        float[] targets = [1f, 0f, 0f, 1f, 1f, 1f, 0f, 0f];
        var data = new Dataset(Inputs, 3, targets, 2);

        double expected = sigmoid.Evaluate(data, [Metric.Accuracy]).Metrics["accuracy"];
        Assert.Equal(expected, logits.Evaluate(data, [Metric.Accuracy]).Metrics["accuracy"]);
    }

    private static void AssertSameObjective(ITrainableNetwork logits, ITrainableNetwork probabilities, float[] targets, Func<float[], float[]> squash)
    {
        Assert.Equal(probabilities.Parameters.Length, logits.Parameters.Length);
        probabilities.Parameters.CopyTo(logits.Parameters);

        Assert.Equal(probabilities.ComputeLoss(Inputs, targets), logits.ComputeLoss(Inputs, targets), 5);
        Assert.Equal(probabilities.ComputeGradients(Inputs, targets), logits.ComputeGradients(Inputs, targets), 5);
        float[] expected = probabilities.Gradients.ToArray(), actual = logits.Gradients.ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);

        float[] z = new float[logits.OutputSize], a = new float[probabilities.OutputSize];
        logits.Predict(Inputs.AsSpan(0, 3), z);
        probabilities.Predict(Inputs.AsSpan(0, 3), a);
        float[] squashed = squash(z);
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], squashed[i], 5);
    }

    private static float[] Sigmoid(float[] z) => z.Select(v => 1f / (1f + MathF.Exp(-v))).ToArray();

    private static float[] Softmax(float[] z)
    {
        float max = z.Max();
        float[] e = z.Select(v => MathF.Exp(v - max)).ToArray();
        float sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
